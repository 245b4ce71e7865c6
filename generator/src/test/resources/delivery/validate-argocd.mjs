// Validates Argo CD Applications (JSON files given as arguments) with the schema that
// @kubernetes-models/argo-cd compiled from Argo CD's CRD. Prints OK or INVALID per file.
import { Application } from "@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application";
import { readFileSync } from "node:fs";

for (const file of process.argv.slice(2)) {
  try {
    new Application(JSON.parse(readFileSync(file, "utf8"))).validate();
    console.log("OK " + file);
  } catch (e) {
    console.log("INVALID " + file + ": " + (e.errors ? JSON.stringify(e.errors) : e.message));
  }
}
