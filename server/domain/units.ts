/**
 * Fixed facts of the unit sets (GSO codes): the districts of 2020–2025, codes `094`–`103`.
 * The data pipeline checks the boundaries against them.
 */
export const DISTRICT_CODES_2020 = ['094', '095', '096', '097', '098', '099', '100', '101', '102', '103'] as const;

export const UNIT_SETS = ['2019', '2020', '2025'] as const;
