import { formatBytes } from '@roundtable/core';
import { KIND_LABELS } from '../files/document-type';
import type { ResourceRecord } from './resource.repository';

/** A resource as pages show it (no file id, no uploader). */
export function resourceView(resource: ResourceRecord, tierNames: Map<string, string>) {
  return {
    id: String(resource._id),
    title: resource.title,
    summary: resource.summary,
    category: resource.category,
    kind: KIND_LABELS[resource.kind],
    size: formatBytes(resource.size),
    fileName: resource.fileName,
    tiers: resource.tiers.map((slug) => tierNames.get(slug) ?? slug),
    tierSlugs: resource.tiers,
    url: `/resources/${String(resource._id)}`,
    downloadUrl: `/resources/${String(resource._id)}/download`,
  };
}

export type ResourceView = ReturnType<typeof resourceView>;

/** Resources grouped under their categories, in the order given. */
export function byCategory<T extends { category: string }>(items: T[]): Array<{ category: string; items: T[] }> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    groups.set(item.category, [...(groups.get(item.category) ?? []), item]);
  }
  return [...groups.entries()].map(([category, grouped]) => ({ category, items: grouped }));
}

/**
 * `Content-Disposition` for a download: an ASCII fallback name and the exact name in RFC 5987
 * form, so any browser saves it under the uploaded name and no header can be broken by it.
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
