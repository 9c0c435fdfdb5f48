import {
  getLocalCryptographicMaterialsCache,
  NodeCachingMaterialsManager,
} from '@aws-crypto/caching-materials-manager-node';
import type { KeyringNode } from '@aws-crypto/material-management-node';
import type { SealingMaterials } from './seal-ticket';

/**
 * How long and how much one data key may seal in a warm function. 0 in any bound turns the
 * cache off: every ticket then gets its own data key (one KMS GenerateDataKey each).
 */
export type DataKeyCacheBounds = {
  maxAgeSeconds: number;
  /** Tickets sealed under one data key. */
  maxTickets: number;
  /** Plaintext bytes sealed under one data key. */
  maxBytes: number;
};

export const cachingIsOff = (b: DataKeyCacheBounds) =>
  b.maxAgeSeconds === 0 || b.maxTickets === 0 || b.maxBytes === 0;

/**
 * Every ticket has the same suite and encryption context, so they all share one cache entry:
 * a capacity of one is enough, and a new data key replaces the spent one.
 */
const CACHE_ENTRIES = 1;

/** The keyring itself with caching off, else the Encryption SDK's caching manager over it. */
export function sealingMaterials(keyring: KeyringNode, bounds: DataKeyCacheBounds): SealingMaterials {
  if (cachingIsOff(bounds)) return keyring;
  return new NodeCachingMaterialsManager({
    backingMaterials: keyring,
    cache: getLocalCryptographicMaterialsCache(CACHE_ENTRIES),
    maxAge: bounds.maxAgeSeconds * 1000,
    maxMessagesEncrypted: bounds.maxTickets,
    maxBytesEncrypted: bounds.maxBytes,
  });
}
