/** Touch screens have no hover: no tooltips there, a tap selects (the map) or shows (the charts). */
export const CAN_HOVER = typeof matchMedia === 'undefined' || matchMedia('(hover: hover)').matches;
