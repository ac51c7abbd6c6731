import type { Position } from 'geojson';

/** A Polygon's coordinates: the square `size` degrees across whose south-west corner is at (lon, lat). */
export const squareCoordinates = (lon: number, lat: number, size: number): Position[][] => [
  [
    [lon, lat],
    [lon + size, lat],
    [lon + size, lat + size],
    [lon, lat + size],
    [lon, lat],
  ],
];
