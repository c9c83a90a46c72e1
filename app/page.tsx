import { redirect } from "next/navigation";

// The home of the app is the dataset register; /datasets asks for sign-in when needed.
export default function HomePage(): never {
  redirect("/datasets");
}
