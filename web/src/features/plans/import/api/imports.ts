/**
 * Plan imports: whether the reader may import (GET /plans/:id/imports), the upload that starts a
 * dry run (POST /plans/:id/imports, the file in base64), the job polled while it runs
 * (GET /imports/:id), the choices of the dry-run screen (POST /imports/:id/mapping and
 * /imports/:id/organisations) and the commit (POST /imports/:id/commit).
 */
import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import type { ImportJob, ImportMappedField } from '../../../../../../core/schemas/plan-import.js';
import { API_BASE, api } from '../../../../lib/api-client.js';

export type { ImportJob, ImportMappedField };
export const RUNNING_STATUSES: ImportJob['status'][] = ['queued', 'validating', 'committing'];
/** How often a running job is asked for its progress. */
export const POLL_MS = 500;
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

interface PlanImports {
  abilities: { import: boolean };
  items: Omit<
    ImportJob,
    'rows' | 'rowsPage' | 'ignoredHeadings' | 'headings' | 'decisions' | 'unknownOrganisations'
  >[];
}

export const planImportsQueryOptions = (planId: string) =>
  queryOptions({
    queryKey: ['plans', 'imports', planId] as const,
    queryFn: ({ signal }) =>
      api.get<PlanImports>(`/plans/${encodeURIComponent(planId)}/imports`, undefined, signal),
  });

export function usePlanImports(planId: string) {
  return useQuery(planImportsQueryOptions(planId));
}

/** The address of the XLSX template (a plain link: the browser downloads it with the session). */
export const templateUrl = (planId: string) =>
  `${API_BASE}/plans/${encodeURIComponent(planId)}/import-template`;

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export function useStartImport(planId: string) {
  return useMutation({
    mutationFn: async (file: File) =>
      api.post<ImportJob>(`/plans/${encodeURIComponent(planId)}/imports`, {
        fileName: file.name,
        content: await toBase64(file),
      }),
  });
}

/** The job, asked again every POLL_MS while it runs; errors first in the report. */
export function useImportJob(id: string | null) {
  return useQuery({
    queryKey: ['imports', id] as const,
    enabled: id !== null,
    queryFn: ({ signal }) =>
      api.get<ImportJob>(`/imports/${encodeURIComponent(id ?? '')}`, { pageSize: 200 }, signal),
    refetchInterval: (query) =>
      query.state.data && RUNNING_STATUSES.includes(query.state.data.status) ? POLL_MS : false,
  });
}

export function useCommitImport() {
  return useMutation({
    mutationFn: (id: string) => api.post<ImportJob>(`/imports/${encodeURIComponent(id)}/commit`),
  });
}

/**
 * Maps columns of the checked file to fields (remembered for the plan) and checks it again.
 * If-Match `*`: the job's own state (only a checked job moves back to the queue) lets one through.
 */
export function useRemapImport() {
  return useMutation({
    mutationFn: ({ id, mapping }: { id: string; mapping: Record<string, ImportMappedField> }) =>
      api.post<ImportJob>(`/imports/${encodeURIComponent(id)}/mapping`, { mapping }, '*'),
  });
}

/** Creates an institution a row names but the plan does not know, then checks the file again. */
export function useCreateImportOrganisation() {
  return useMutation({
    mutationFn: ({ id, name }: { id: string; name: string }) =>
      api.post<ImportJob>(`/imports/${encodeURIComponent(id)}/organisations`, { name }, '*'),
  });
}
