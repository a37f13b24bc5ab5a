// electron-builder's afterPack hook: flips Electron's fuses in the packed binary
// (https://www.electronjs.org/docs/latest/tutorial/fuses), so the shipped app
// cannot be turned into a general Node runtime or debugged from the command line.
const path = require('node:path');
const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses');

/** The fuses Outpost ships with; tested in test/unit/packaging/fuses.test.ts. */
const outpostFuses = {
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
};

function executableOf(context) {
  const name = context.packager.appInfo.productFilename;
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(context.appOutDir, `${name}.app`);
    case 'win32':
      return path.join(context.appOutDir, `${name}.exe`);
    default:
      return path.join(context.appOutDir, context.packager.executableName);
  }
}

async function afterPack(context) {
  await flipFuses(executableOf(context), {
    ...outpostFuses,
    // macOS: the binary changed, so its ad-hoc signature is redone (arm64 refuses unsigned code).
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && context.arch === 3,
  });
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.outpostFuses = outpostFuses;
module.exports.executableOf = executableOf;
