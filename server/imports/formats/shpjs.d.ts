/** The parts of shpjs (shapefile-js) the import uses; the package ships no types. */
declare module 'shpjs' {
  import type { Geometry } from 'geojson';
  /** The geometries of a .shp file, in the file's own coordinates when no projection is given. */
  export function parseShp(shp: Uint8Array | ArrayBuffer | DataView, prj?: string | false): (Geometry | null)[];
  /** The records of a .dbf file, decoded with the .cpg's encoding (UTF-8 without one). */
  export function parseDbf(dbf: Uint8Array | ArrayBuffer | DataView, cpg?: string | Uint8Array): Record<string, unknown>[];
}
