/**
 * Words carriers use for time zones, in English, German, Spanish and French, → IANA zones.
 * US carrier convention: bare "Eastern", "ET", "EST" and "EDT" all mean America/New_York (the zone
 * decides standard vs daylight time by date), and so on for Central, Mountain and Pacific.
 */

/** Folded (lowercase, no accents) phrases; longer and more specific ones first. */
export const ZONE_PHRASES: ReadonlyArray<readonly [string, string]> = [
  ["coordinated universal", "UTC"],
  ["universal time", "UTC"],
  ["greenwich mean", "UTC"],
  ["zulu", "UTC"],
  ["arizona", "America/Phoenix"],
  ["hawaii", "Pacific/Honolulu"],
  ["alaska", "America/Anchorage"],
  ["newfoundland", "America/St_Johns"],
  ["central europe", "Europe/Berlin"],
  ["central european", "Europe/Berlin"],
  ["europe centrale", "Europe/Paris"],
  ["mitteleuropa", "Europe/Berlin"],
  ["eastern europe", "Europe/Athens"],
  ["eastern european", "Europe/Athens"],
  ["osteuropa", "Europe/Athens"],
  ["western europe", "Europe/Lisbon"],
  ["westeuropa", "Europe/Lisbon"],
  ["british summer", "Europe/London"],
  ["india standard", "Asia/Kolkata"],
  ["hora de mexico", "America/Mexico_City"],
  ["tiempo del centro", "America/Mexico_City"],
  ["centro de mexico", "America/Mexico_City"],
  ["hora de espana", "Europe/Madrid"],
  ["hora peninsular", "Europe/Madrid"],
  ["hora del pacifico", "America/Los_Angeles"],
  ["hora del este", "America/New_York"],
  ["hora del centro", "America/Chicago"],
  ["hora central", "America/Chicago"],
  ["hora de la montana", "America/Denver"],
  ["hora de las montanas", "America/Denver"],
  ["heure du pacifique", "America/Los_Angeles"],
  ["heure de l est", "America/New_York"],
  ["heure du centre", "America/Chicago"],
  ["heure des rocheuses", "America/Denver"],
  ["heure de paris", "Europe/Paris"],
  ["eastern", "America/New_York"],
  ["central", "America/Chicago"],
  ["mountain", "America/Denver"],
  ["pacific", "America/Los_Angeles"],
  ["pacifico", "America/Los_Angeles"],
  ["pacifique", "America/Los_Angeles"],
  ["atlantic", "America/Halifax"],
];

/** Upper-case abbreviations. */
export const ZONE_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ["UTC", "UTC"], ["GMT", "UTC"], ["UT", "UTC"], ["UCT", "UTC"], ["Z", "UTC"], ["ZULU", "UTC"],
  ["ET", "America/New_York"], ["EST", "America/New_York"], ["EDT", "America/New_York"], ["EST5EDT", "America/New_York"],
  ["CT", "America/Chicago"], ["CST", "America/Chicago"], ["CDT", "America/Chicago"], ["CST6CDT", "America/Chicago"],
  ["MT", "America/Denver"], ["MST", "America/Denver"], ["MDT", "America/Denver"], ["MST7MDT", "America/Denver"],
  ["PT", "America/Los_Angeles"], ["PST", "America/Los_Angeles"], ["PDT", "America/Los_Angeles"], ["PST8PDT", "America/Los_Angeles"],
  ["AKST", "America/Anchorage"], ["AKDT", "America/Anchorage"], ["HST", "Pacific/Honolulu"], ["HAST", "Pacific/Honolulu"],
  ["AST", "America/Halifax"], ["ADT", "America/Halifax"], ["NST", "America/St_Johns"], ["NDT", "America/St_Johns"],
  ["CET", "Europe/Berlin"], ["CEST", "Europe/Berlin"], ["MEZ", "Europe/Berlin"], ["MESZ", "Europe/Berlin"],
  ["MET", "Europe/Berlin"], ["MEST", "Europe/Berlin"],
  ["WET", "Europe/Lisbon"], ["WEST", "Europe/Lisbon"], ["WEZ", "Europe/Lisbon"], ["WESZ", "Europe/Lisbon"],
  ["EET", "Europe/Athens"], ["EEST", "Europe/Athens"], ["OEZ", "Europe/Athens"], ["OESZ", "Europe/Athens"],
  ["BST", "Europe/London"], ["IST", "Asia/Kolkata"], ["MSK", "Europe/Moscow"],
  ["JST", "Asia/Tokyo"], ["KST", "Asia/Seoul"], ["HKT", "Asia/Hong_Kong"], ["SGT", "Asia/Singapore"],
  ["AEST", "Australia/Sydney"], ["AEDT", "Australia/Sydney"], ["ACST", "Australia/Adelaide"], ["ACDT", "Australia/Adelaide"],
  ["AWST", "Australia/Perth"], ["NZST", "Pacific/Auckland"], ["NZDT", "Pacific/Auckland"],
]);

/**
 * Fixed UTC offsets (minutes) of abbreviations written inside a timestamp ("… 10:14:00 CDT"):
 * there the letters say which side of a DST change the time is on, so they act as an offset.
 */
export const ABBREVIATION_OFFSETS: ReadonlyMap<string, number> = new Map([
  ["UTC", 0], ["GMT", 0], ["UT", 0], ["Z", 0], ["UCT", 0], ["WET", 0], ["WEZ", 0],
  ["EST", -300], ["EDT", -240], ["CST", -360], ["CDT", -300], ["MST", -420], ["MDT", -360],
  ["PST", -480], ["PDT", -420], ["AKST", -540], ["AKDT", -480], ["HST", -600],
  ["AST", -240], ["ADT", -180], ["NST", -210], ["NDT", -150],
  ["BST", 60], ["WEST", 60], ["WESZ", 60], ["CET", 60], ["MEZ", 60], ["MET", 60], ["CEST", 120], ["MESZ", 120], ["MEST", 120],
  ["EET", 120], ["OEZ", 120], ["EEST", 180], ["OESZ", 180], ["MSK", 180], ["IST", 330],
  ["SGT", 480], ["HKT", 480], ["AWST", 480], ["JST", 540], ["KST", 540], ["ACST", 570], ["ACDT", 630],
  ["AEST", 600], ["AEDT", 660], ["NZST", 720], ["NZDT", 780],
]);
