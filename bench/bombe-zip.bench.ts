import ExcelJS from "exceljs";
import { lireTableur } from "../src/server/http/fichier-tableur.ts";
import { archiveZip, zerosCompresses } from "../src/server/test/zip.ts";
import { avecMemoire, type ResultatBench } from "./mesure.ts";

const OCTETS = 1536 * 1024 * 1024;

/**
 * A 1.5 MB XLSX that unpacks to 1.5 GB. Platform: the import's reader, which checks the archive
 * before parsing and refuses. Baseline: what the import did before, ExcelJS loading the whole
 * workbook. "identical": both end without rows (the platform by its refusal); the line prints
 * the time and the memory peak (heap and process) of each.
 */
export default async function bombeZip(): Promise<ResultatBench> {
  const bombe = archiveZip([
    {
      nom: "xl/worksheets/sheet1.xml",
      compresse: await zerosCompresses(OCTETS),
      decompresseAnnonce: OCTETS,
    },
  ]);
  const mesures: number[] = [];
  let refusParLaPlateforme = 0;
  let pic = { heap: 0, rss: 0 };
  for (let i = 0; i < 5; i++) {
    const r = await avecMemoire(() =>
      lireTableur(bombe, "xlsx").then(
        () => "lu",
        (e: Error) => e.constructor.name,
      ),
    );
    if (r.valeur === "ArchiveRefusee") refusParLaPlateforme++;
    mesures.push(r.duree);
    pic = { heap: Math.max(pic.heap, r.picMo), rss: Math.max(pic.rss, r.picRssMo) };
  }
  const naif = await avecMemoire(async () => {
    try {
      await new ExcelJS.Workbook().xlsx.load(bombe as unknown as ArrayBuffer);
      return "lu";
    } catch (e) {
      return (e as Error).message.slice(0, 60);
    }
  });
  return {
    mesures,
    mesuresBase: [naif.duree],
    identique: refusParLaPlateforme === mesures.length && naif.valeur !== "lu",
    details: `fichier=${(bombe.length / 2 ** 20).toFixed(1)}Mo pic_heap=${pic.heap.toFixed(0)}Mo pic_rss=${pic.rss.toFixed(0)}Mo base_pic_heap=${naif.picMo.toFixed(0)}Mo base_pic_rss=${naif.picRssMo.toFixed(0)}Mo base="${naif.valeur}"`,
  };
}
