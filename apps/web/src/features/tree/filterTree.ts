import type { CategoryNode, ProblemNode, RoundTree } from '@rectify/domain';

/** Keys of the tree's nodes; one place so that expand/collapse and search agree. */
export const nodeKey = {
  category: (id: number) => `c:${id}`,
  problem: (id: number) => `p:${id}`,
  manifestations: (problemId: number) => `pm:${problemId}`,
  measures: (problemId: number) => `ps:${problemId}`,
  manifestation: (id: number) => `m:${id}`,
  measure: (id: number) => `s:${id}`,
};

export const matches = (text: string, q: string) => text.toLowerCase().includes(q);

function filterProblem(p: ProblemNode, q: string): ProblemNode | null {
  if (matches(p.title, q)) return p;
  const manifestations = p.manifestations.filter((m) => matches(m.text, q));
  const measures = p.measures.filter((m) => matches(m.text, q));
  if (!manifestations.length && !measures.length) return null;
  return { ...p, manifestations, measures };
}

function filterCategory(c: CategoryNode, q: string): CategoryNode | null {
  if (matches(c.title, q)) return c;
  const problems = c.problems.map((p) => filterProblem(p, q)).filter((p): p is ProblemNode => p !== null);
  return problems.length ? { ...c, problems } : null;
}

/**
 * The categories whose text, or whose descendants' text, contains the query. A matching node
 * keeps its whole subtree; a non-matching one is kept only as the ancestor of a match.
 */
export function filterCategories(tree: RoundTree, query: string): CategoryNode[] {
  const q = query.trim().toLowerCase();
  if (!q) return tree.categories;
  return tree.categories.map((c) => filterCategory(c, q)).filter((c): c is CategoryNode => c !== null);
}

/** Every key of the given categories, for "expand all" and for showing search results. */
export function allKeys(categories: CategoryNode[]): string[] {
  const keys: string[] = [];
  for (const c of categories) {
    keys.push(nodeKey.category(c.id));
    for (const p of c.problems) {
      keys.push(nodeKey.problem(p.id));
      if (p.manifestations.length) keys.push(nodeKey.manifestations(p.id));
      if (p.measures.length) keys.push(nodeKey.measures(p.id));
    }
  }
  return keys;
}
