// Diagnostic only, for `durable ... emulator=patched` (docs/benchmarks.md, Durable). Preloaded into Azurite 3.35 with
// NODE_OPTIONS=--require. Azurite's queue store calls clearExpiredMessages() on every put, get, peek, delete and update
// of a message, which removes an (almost always empty) array of expired messages; LokiJS answers any batch removal
// on a collection with binary indices by re-sorting every index of the collection (ensureAllIndexes), so each queue
// request sorts all live messages of all queues four times. The same happens when an extent is deleted, and after
// the batch update of the messages a get hands out. This patch skips empty batch removals, sends one-document
// batches through LokiJS's own incremental single-document remove, and updates batches one document at a time.
// Second, Azurite answers every table query by running the parsed $filter over every entity of the table, so the
// Durable runtime's history fetch (PartitionKey eq '<instance>') costs a scan of the whole History table; Azure
// Storage serves it from the PartitionKey index. This patch narrows such a query (PartitionKey eq, optionally
// and-ed with more, no 'or' outside parentheses) to the partition through LokiJS's PartitionKey index first, then applies the
// filter as before. Nothing else changes; stock Azurite is what the product and its tests run on.
'use strict';
const path = require('path');
// Resolved from Azurite's own location (node_modules/azurite/dist/src/azurite.js), so this is the instance it loads.
const azurite = path.join(require('fs').realpathSync(process.argv[1]), '..', '..', '..');
const loki = require(require.resolve('lokijs', { paths: [azurite] }));
const removeBatchByPositions = loki.Collection.prototype.removeBatchByPositions;
const removeBatch = loki.Collection.prototype.removeBatch;
loki.Collection.prototype.removeBatch = function (batch) {
  if (batch.length !== 0) {
    removeBatch.call(this, batch);
  }
};
loki.Collection.prototype.removeBatchByPositions = function (positions) {
  if (positions.length === 0) {
    return;
  }
  if (positions.length === 1) {
    this.remove(this.data[positions[0]]);
    return;
  }
  removeBatchByPositions.call(this, positions);
};

// The same re-sort follows any batch update (getMessages updates the messages it hands out as one batch): update one
// document at a time, through LokiJS's incremental index update.
const update = loki.Collection.prototype.update;
loki.Collection.prototype.update = function (doc) {
  if (!Array.isArray(doc)) {
    return update.call(this, doc);
  }
  for (const one of doc) {
    update.call(this, one);
  }
};

const tables = require(path.join(azurite, 'dist', 'src', 'table', 'persistence', 'LokiTableMetadataStore.js')).default;
const queryEntities = tables.prototype.queryTableEntities;
const partitionFirst = /^\s*\(?\s*PartitionKey\s+eq\s+'((?:[^']|'')*)'\s*\)?(?:\s+and\s+.*)?$/i;
// Whether a top-level 'or' (outside parentheses and string literals) could make rows of other partitions match.
function hasTopLevelOr(filter) {
  let depth = 0;
  const bare = filter.replace(/'(?:[^']|'')*'/g, "''");
  for (let i = 0; i < bare.length; i++) {
    const c = bare[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0 && /^\sor\s/i.test(bare.slice(i, i + 4))) return true;
  }
  return false;
}
tables.prototype.queryTableEntities = function (context, account, table, queryOptions, nextPartitionKey, nextRowKey) {
  const filter = queryOptions && queryOptions.filter;
  const match = typeof filter === 'string' && !hasTopLevelOr(filter) ? partitionFirst.exec(filter) : null;
  if (!match) {
    return queryEntities.call(this, context, account, table, queryOptions, nextPartitionKey, nextRowKey);
  }
  const partitionKey = match[1].replace(/''/g, "'");
  const getEntityCollection = this.getEntityCollection;
  this.getEntityCollection = function (...args) {
    const collection = getEntityCollection.apply(this, args);
    return { chain: () => collection.chain().find({ PartitionKey: partitionKey }) };
  };
  try {
    return queryEntities.call(this, context, account, table, queryOptions, nextPartitionKey, nextRowKey);
  } finally {
    this.getEntityCollection = getEntityCollection;
  }
};
