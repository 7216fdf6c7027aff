#!/usr/bin/env node
// `pnpm db:seed-demo`: migrates, then loads the reference round into an empty database.
import { createDb } from '../client.js';
import { migrate } from '../migrate.js';
import { loadDemoRound } from '../demo/load.js';
import { loadDemoDistrict } from '../demo/district.js';
import { referenceRound } from '../demo/reference-round.js';

const { db, target, close } = await createDb();
try {
  await migrate(target);
  const result = await loadDemoRound(db, referenceRound);
  console.log(result.loaded ? `demo round loaded (id ${result.roundId})` : `demo not loaded: ${result.reason}`);
  if (result.loaded) {
    const district = await loadDemoDistrict(db);
    if (district.loaded) console.log(`demo district loaded: the 巡察办 and ${district.roundIds.length} more units' rounds`);
  }
} catch (error) {
  console.error(`demo load failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await close();
}
