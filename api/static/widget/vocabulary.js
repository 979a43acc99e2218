/*
 * Polkuopas – the labels of the fixed vocabularies (service category, scope, situations …),
 * from GET /api/vocabulary: the server's message catalogue is their one definition.
 */

/** Path of the labels in `lang` (absolute on the API's origin). */
export function vocabularyPath(lang) {
  return `/api/vocabulary?lang=${encodeURIComponent(lang || 'fi')}`;
}

/**
 * The endpoint's answer as Map(vocabulary name -> Map(code -> label)), in the server's order.
 * Anything malformed is left out; an unusable answer gives an empty Map.
 */
export function labelMaps(data) {
  const maps = new Map();
  const vocabularies = data && typeof data === 'object' ? data.vocabularies : null;
  if (!vocabularies || typeof vocabularies !== 'object' || Array.isArray(vocabularies)) return maps;
  for (const [name, entries] of Object.entries(vocabularies)) {
    if (!Array.isArray(entries)) continue;
    const labels = new Map();
    for (const entry of entries) {
      if (!entry || typeof entry.code !== 'string' || !entry.code) continue;
      if (typeof entry.label !== 'string' || !entry.label.trim()) continue;
      labels.set(entry.code, entry.label);
    }
    maps.set(name, labels);
  }
  return maps;
}

/** The label of `code` in vocabulary `name`, or null when it is unknown. */
export function labelOf(maps, name, code) {
  if (typeof code !== 'string' || !maps) return null;
  const labels = maps.get(name);
  return (labels && labels.get(code)) || null;
}
