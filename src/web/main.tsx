import { startReactDsfr } from "@codegouvfr/react-dsfr/spa";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { Link } from "wouter";
import { App } from "./App.tsx";
import { installerHorsLigne } from "./socle/hors-ligne.ts";

declare module "@codegouvfr/react-dsfr/spa" {
  interface RegisterLink {
    Link: typeof Link;
  }
}

startReactDsfr({ defaultColorScheme: "system", Link });

const client = new QueryClient({
  defaultOptions: {
    // Asked even offline: the service worker answers from what it kept (socle/hors-ligne.ts).
    queries: { retry: 1, refetchOnWindowFocus: false, networkMode: "offlineFirst" },
    mutations: { networkMode: "offlineFirst" },
  },
});
installerHorsLigne();

createRoot(document.getElementById("racine")!).render(
  <StrictMode>
    <QueryClientProvider client={client}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
