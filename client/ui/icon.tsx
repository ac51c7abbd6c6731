/** Small line icons for the map's tools (drawn here: no icon font or request). */
const PATHS = {
  table: 'M3 4h18v16H3zM3 9h18M3 14.5h18M9 4v16',
  print: 'M7 9V3h10v6M7 17H4v-8h16v8h-3M7 14h10v7H7z',
  image: 'M3 5h18v14H3zM3 16l5-5 4 4 3-3 6 6M15.5 9.5a1.5 1.5 0 1 0 0-.01',
  download: 'M12 3v12M7 10l5 5 5-5M4 17v3h16v-3',
} as const;

export function Icon({ name }: { name: keyof typeof PATHS }) {
  return (
    <svg
      class="icon"
      width="20"
      height="20"
      viewBox="0 0 24 24"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      stroke-width="1.8"
      stroke-linejoin="round"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
