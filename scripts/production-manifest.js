'use strict';
/** The manifest for production: every development URL replaced by where the add-in is hosted. */
const DEV_URL = 'https://localhost:3000/';

function productionManifest(xml, url) {
  if (!/^https:\/\/[^\s"<>]+\/$/.test(url)) throw new Error(`RAADERUM_URL must be an https URL ending in /, not "${url}"`);
  return xml.split(DEV_URL).join(url);
}

module.exports = { DEV_URL, productionManifest };
