// A stand-in for the OS credential store (@napi-rs/keyring), shared by every
// process of a test through one JSON file: the test process uses `Entry`
// directly, and a CLI child loads this file with NODE_OPTIONS=--require,
// which makes `require('@napi-rs/keyring')` answer with it. On these machines
// the real store answers AccessDenied to every call.
const fs = require('node:fs');
const Module = require('node:module');

/** The keyring's Entry class over the JSON file `file`. */
function entryClass(file) {
  function readAll() {
    try {
      return JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
      return {};
    }
  }
  return class Entry {
    constructor(service, user) {
      this.key = `${service}/${user}`;
    }
    getPassword() {
      return readAll()[this.key] ?? null;
    }
    setPassword(secret) {
      const all = readAll();
      all[this.key] = secret;
      fs.writeFileSync(file, JSON.stringify(all));
    }
    deletePassword() {
      const all = readAll();
      const had = this.key in all;
      delete all[this.key];
      fs.writeFileSync(file, JSON.stringify(all));
      return had;
    }
  };
}

if (process.env.OUTPOST_FAKE_KEYRING) {
  const Entry = entryClass(process.env.OUTPOST_FAKE_KEYRING);
  const load = Module._load;
  Module._load = function (request, ...rest) {
    if (request === '@napi-rs/keyring') return { Entry };
    return load.call(this, request, ...rest);
  };
}

module.exports = { entryClass };
