// Grayscale pictures from pixel arrays (e.g. 28×28 model-inversion reconstructions beside class
// averages), drawn as SVG rects so they render on the server and print. Values in [0, 1], 1 = white.
// <ImageGrid images={[{ label: "Trouser", width: 28, height: 28, pixels }]} />

export interface GridImage {
  label: string;
  width: number;
  height: number;
  /** Row-major, width × height values in [0, 1]. */
  pixels: number[];
  caption?: string;
}

export function ImageGrid({ images, scale = 4 }: { images: GridImage[]; scale?: number }) {
  return (
    <div className="image-grid">
      {images.map((image, k) => (
        <figure key={`${image.label}-${k}`} className="image-grid-item">
          <svg width={image.width * scale} height={image.height * scale} viewBox={`0 0 ${image.width} ${image.height}`} role="img" aria-label={image.label} shapeRendering="crispEdges">
            {image.pixels.map((value, i) => {
              const level = Math.round(255 * Math.min(1, Math.max(0, value)));
              return <rect key={i} x={i % image.width} y={Math.floor(i / image.width)} width={1} height={1} fill={`rgb(${level},${level},${level})`} />;
            })}
          </svg>
          <figcaption>
            <strong>{image.label}</strong>
            {image.caption ? <span className="muted"> {image.caption}</span> : null}
          </figcaption>
        </figure>
      ))}
    </div>
  );
}
