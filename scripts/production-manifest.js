'use strict';
/** The manifest for production: every development URL replaced by where the add-in is hosted. */
const DEV_URL = 'https://localhost:3000/';

function productionManifest(xml, url) {
  // No characters XML would need escaped: the URL goes into attribute values as it is.
  if (!/^https:\/\/[^\s"'<>&]+\/$/.test(url))
    throw new Error(`RAADERUM_URL must be an https URL ending in /, without quotes, <, > or &, not "${url}"`);
  return xml.split(DEV_URL).join(url);
}

module.exports = { DEV_URL, productionManifest };
