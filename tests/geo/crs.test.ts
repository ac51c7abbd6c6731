import { execFileSync } from 'node:child_process';
import type { GeometryCollection, MultiPolygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { CRS_DEFINITIONS, type CrsCode, crsFromPrj, crsFromUri, crsUri, fromWgs84, toWgs84, transformGeometry } from '../../server/geo/crs.ts';

/**
 * The CRS module against PROJ itself (Debian's proj-bin): the definitions equal the EPSG
 * registry's, and the transforms agree with cs2cs. cs2cs picks EPSG's own operation
 * (VN-2000 to WGS 84 (2)), so a flipped rotation sign (about 0.8 m) would fail these.
 */

const epsgCodes = Object.keys(CRS_DEFINITIONS).filter((c) => c.startsWith('EPSG:')) as CrsCode[];
const projected = epsgCodes.filter((c) => CRS_DEFINITIONS[c].kind === 'projected');

/** Runs cs2cs on many points at once: "x y" lines in, "x y" lines out. */
function cs2cs(from: string, to: string, points: Position[]): Position[] {
  const out = execFileSync('cs2cs', ['-f', '%.9f', from, to], { input: points.map((p) => `${p[0]} ${p[1]}`).join('\n') }).toString();
  return out
    .trim()
    .split('\n')
    .map((line) => line.split(/\s+/).slice(0, 2).map(Number));
}

/** Points around a TM zone's meridian, across northern and southern Vietnam. */
function pointsNear(meridian: number): Position[] {
  return [-1, -0.3, 0, 0.4, 1].flatMap((dx) => [9, 16, 21.4, 23].map((lat) => [meridian + dx, lat]));
}

/** A TM-3 zone's central meridian; UTM zone 48N's is 105°. */
const meridianOf = (code: CrsCode) => Number(/\+lon_0=([\d.]+)/.exec(CRS_DEFINITIONS[code].proj4)?.[1] ?? 105);

describe('CRS definitions', () => {
  it.each(epsgCodes)('%s equals the EPSG registry’s definition (projinfo), towgs84 included', (code) => {
    const projinfo = execFileSync('projinfo', [code, '-o', 'PROJ', '-q']).toString().trim().replace(' +type=crs', '');
    expect(CRS_DEFINITIONS[code].proj4).toBe(projinfo);
  });

  it.each(epsgCodes)('%s is named as in the registry', (code) => {
    const wkt = execFileSync('projinfo', [code, '-o', 'WKT2_2019', '-q']).toString();
    expect(wkt).toContain(`"${CRS_DEFINITIONS[code].name}"`);
  });
});

describe('fromWgs84 and toWgs84 agree with cs2cs', () => {
  it.each(projected)('%s: WGS 84 → grid within 1 cm, and back within 5 mm of the start', (code) => {
    const points = pointsNear(meridianOf(code));
    const expected = cs2cs('OGC:CRS84', code, points);
    points.forEach((p, i) => {
      const [x, y] = fromWgs84(code, p);
      expect(Math.hypot(x - expected[i][0], y - expected[i][1])).toBeLessThan(0.01);
      const back = toWgs84(code, [x, y]);
      expect(Math.abs(back[0] - p[0]) * 111_000).toBeLessThan(0.005);
      expect(Math.abs(back[1] - p[1]) * 111_000).toBeLessThan(0.005);
    });
  });

  it('EPSG:9205 → WGS 84 at Điện Biên Phủ within 1 cm of cs2cs', () => {
    const grid = [
      [501462.87, 2365683.52],
      [417493.64, 2489242.99],
      [562180.34, 2323067.26],
    ];
    const expected = cs2cs('EPSG:9205', 'OGC:CRS84', grid);
    grid.forEach((p, i) => {
      const [lon, lat] = toWgs84('EPSG:9205', p);
      expect(Math.abs(lon - expected[i][0]) * 104_000).toBeLessThan(0.01);
      expect(Math.abs(lat - expected[i][1]) * 111_000).toBeLessThan(0.01);
    });
  });

  it('geographic VN-2000 (EPSG:4756) differs from WGS 84 by the datum shift, as cs2cs says (longitude first)', () => {
    const p = [103.016, 21.386];
    const [lat, lon] = cs2cs('OGC:CRS84', 'EPSG:4756', [p])[0];
    const [x, y] = fromWgs84('EPSG:4756', p);
    expect(Math.abs(x - lon) * 104_000).toBeLessThan(0.01);
    expect(Math.abs(y - lat) * 111_000).toBeLessThan(0.01);
    expect(Math.hypot((x - p[0]) * 104_000, (y - p[1]) * 111_000)).toBeGreaterThan(100);
  });
});

describe('transformGeometry', () => {
  it('keeps the structure of every geometry type and rounds when asked', () => {
    const multi: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [103, 21],
            [103.1, 21],
            [103.1, 21.1],
            [103, 21],
          ],
        ],
      ],
    };
    const collection: GeometryCollection = { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [103, 21] }, multi] };
    const out = transformGeometry(collection, 'OGC:CRS84', 'EPSG:9205', 2);
    expect(out.type).toBe('GeometryCollection');
    const [point, poly] = out.geometries as [{ coordinates: Position }, MultiPolygon];
    expect(point.coordinates).toEqual(fromWgs84('EPSG:9205', [103, 21]).map((v) => Math.round(v * 100) / 100));
    expect(poly.coordinates[0][0]).toHaveLength(4);
    expect(multi.coordinates[0][0][0]).toEqual([103, 21]);
  });
});

describe('CRS URIs', () => {
  it('round-trips every code, http and https', () => {
    for (const code of Object.keys(CRS_DEFINITIONS) as CrsCode[]) {
      expect(crsFromUri(crsUri(code))).toBe(code);
      expect(crsFromUri(crsUri(code).replace('http:', 'https:'))).toBe(code);
    }
    expect(crsUri('EPSG:9205')).toBe('http://www.opengis.net/def/crs/EPSG/0/9205');
    expect(crsUri('OGC:CRS84')).toBe('http://www.opengis.net/def/crs/OGC/1.3/CRS84');
  });

  it.each(['http://www.opengis.net/def/crs/EPSG/0/32648', 'http://www.opengis.net/def/crs/OGC/1.3/toString', 'EPSG:9205', ''])('%s is unknown', (uri) => {
    expect(crsFromUri(uri)).toBeUndefined();
  });
});

describe('crsFromPrj recognises VN-2000 .prj files', () => {
  it.each(epsgCodes)('%s from its ESRI WKT (as ArcGIS writes .prj files, no EPSG code inside)', (code) => {
    const wkt = execFileSync('projinfo', [code, '-o', 'WKT1_ESRI', '-q']).toString();
    expect(crsFromPrj(wkt)).toBe(code === 'EPSG:4326' ? 'OGC:CRS84' : code);
  });

  it.each(epsgCodes)('%s from its GDAL WKT (with its EPSG code)', (code) => {
    expect(crsFromPrj(execFileSync('projinfo', [code, '-o', 'WKT1_GDAL', '-q']).toString())).toBe(code);
  });

  it('a provincial .prj with its own zone name and TOWGS84 in the coordinate-frame signs', () => {
    const prj =
      'PROJCS["VN_2000_Dien_Bien_KTT_103",GEOGCS["GCS_VN_2000",DATUM["D_Vietnam_2000",SPHEROID["WGS_1984",6378137.0,298.257223563],' +
      'TOWGS84[-191.90441429,-39.30318279,-111.45032835,-0.00928836,0.01975479,-0.00427372,0.252906278]],PRIMEM["Greenwich",0.0],' +
      'UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],' +
      'PARAMETER["Central_Meridian",103.0],PARAMETER["Scale_Factor",0.9999],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
    expect(crsFromPrj(prj)).toBe('EPSG:9205');
    expect(crsFromPrj(prj.replace('103.0]', '104.5]'))).toBe('EPSG:9207');
  });

  it.each([
    ['WGS 84 / UTM zone 48N', execFileSync('projinfo', ['EPSG:32648', '-o', 'WKT1_ESRI', '-q']).toString()],
    [
      'a TM-3 zone EPSG does not register (105-00)',
      execFileSync('projinfo', ['EPSG:9205', '-o', 'WKT1_ESRI', '-q'])
        .toString()
        .replace(/103\.0\]/, '105.0]'),
    ],
    [
      'a TM-3 zone with a false northing',
      execFileSync('projinfo', ['EPSG:9205', '-o', 'WKT1_ESRI', '-q']).toString().replace('"False_Northing",0.0', '"False_Northing",100.0'),
    ],
    ['Indian 1960', execFileSync('projinfo', ['EPSG:4131', '-o', 'WKT1_ESRI', '-q']).toString()],
    ['not WKT', 'hello'],
  ])('returns null for %s', (_, wkt) => {
    expect(crsFromPrj(wkt)).toBeNull();
  });
});
