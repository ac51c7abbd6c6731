/**
 * The file formats every collection downloads as: the server's download routes parse them
 * (server/downloads/request.ts) and the client's download menu offers them, from this one list.
 */
export const DOWNLOAD_FORMATS = ['geojson', 'csv', 'xlsx', 'gpkg', 'kml'] as const;
export type DownloadFormat = (typeof DOWNLOAD_FORMATS)[number];
