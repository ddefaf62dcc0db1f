/**
 * Maximum-weight bipartite b-matching by min-cost flow (primal-dual):
 * source → left node (capacity leftCap) → right node (capacity 1, cost −weight)
 * → sink (capacity rightCap). Each phase runs Dijkstra on reduced costs, moves
 * the potentials, then saturates every zero-reduced-cost path with Dinic's
 * blocking flows. The cheapest augmenting path only gets dearer, and with
 * whole-number weights its cost is an integer in [−max weight, 0), so there
 * are at most max-weight phases; we stop as soon as it is no longer negative,
 * which is when no extra interview can raise the total (min-cost flow cost is
 * convex in the flow value). Weights must be positive integers.
 */
export type BMatchingInput = {
  leftCap: Int32Array
  rightCap: Int32Array
  edgeLeft: Int32Array
  edgeRight: Int32Array
  edgeWeight: Int32Array
}

export function maxWeightBMatching(input: BMatchingInput): { chosen: Uint8Array; weight: number } {
  const L = input.leftCap.length
  const R = input.rightCap.length
  const E = input.edgeLeft.length
  const n = L + R + 2
  const source = L + R
  const sink = L + R + 1
  const m = 2 * (E + L + R)
  const to = new Int32Array(m)
  const cap = new Int32Array(m)
  const cost = new Float64Array(m)
  const next = new Int32Array(m)
  const head = new Int32Array(n).fill(-1)
  let count = 0
  const addEdge = (u: number, v: number, capacity: number, c: number) => {
    to[count] = v; cap[count] = capacity; cost[count] = c; next[count] = head[u]!; head[u] = count++
    to[count] = u; cap[count] = 0; cost[count] = -c; next[count] = head[v]!; head[v] = count++
  }
  // Pair edges first, so pair i is edge 2i.
  for (let i = 0; i < E; i++) addEdge(input.edgeLeft[i]!, L + input.edgeRight[i]!, 1, -input.edgeWeight[i]!)
  for (let l = 0; l < L; l++) addEdge(source, l, input.leftCap[l]!, 0)
  for (let r = 0; r < R; r++) addEdge(L + r, sink, input.rightCap[r]!, 0)

  // Feasible starting potentials on this layered graph: every residual edge has a non-negative reduced cost.
  const potential = new Float64Array(n)
  for (let i = 0; i < E; i++) {
    const r = L + input.edgeRight[i]!
    potential[r] = Math.min(potential[r]!, -input.edgeWeight[i]!)
  }
  for (let r = 0; r < R; r++) potential[sink] = Math.min(potential[sink]!, potential[L + r]!)

  const dist = new Float64Array(n)
  const heap = new MinHeap(m + n)
  const level = new Int32Array(n)
  const queue = new Int32Array(n)
  const arc = new Int32Array(n)
  const reduced = (e: number, u: number) => cost[e]! + potential[u]! - potential[to[e]!]!

  let totalCost = 0
  for (;;) {
    dist.fill(Infinity)
    dist[source] = 0
    heap.clear()
    heap.push(source, 0)
    while (heap.size > 0) {
      const [u, d] = heap.pop()
      if (d > dist[u]!) continue
      for (let e = head[u]!; e !== -1; e = next[e]!) {
        if (cap[e]! <= 0) continue
        const v = to[e]!
        const nd = d + reduced(e, u)
        if (nd < dist[v]!) {
          dist[v] = nd
          heap.push(v, nd)
        }
      }
    }
    const toSink = dist[sink]!
    if (toSink === Infinity) break
    const pathCost = toSink - potential[source]! + potential[sink]!
    if (pathCost >= 0) break
    for (let v = 0; v < n; v++) potential[v]! += Math.min(dist[v]!, toSink)

    // Dinic on the admissible graph (residual edges of reduced cost 0): all its paths cost pathCost.
    for (;;) {
      level.fill(-1)
      level[source] = 0
      let qh = 0
      let qt = 0
      queue[qt++] = source
      while (qh < qt) {
        const u = queue[qh++]!
        for (let e = head[u]!; e !== -1; e = next[e]!) {
          const v = to[e]!
          if (cap[e]! > 0 && level[v] === -1 && reduced(e, u) === 0) {
            level[v] = level[u]! + 1
            queue[qt++] = v
          }
        }
      }
      if (level[sink] === -1) break
      arc.set(head)
      const push = (u: number, limit: number): number => {
        if (u === sink) return limit
        let pushed = 0
        for (; arc[u] !== -1; arc[u] = next[arc[u]!]!) {
          const e = arc[u]!
          const v = to[e]!
          if (cap[e]! <= 0 || level[v] !== level[u]! + 1 || reduced(e, u) !== 0) continue
          const got = push(v, Math.min(limit - pushed, cap[e]!))
          if (got > 0) {
            cap[e]! -= got
            cap[e ^ 1]! += got
            pushed += got
            if (pushed === limit) return pushed
          }
        }
        return pushed
      }
      const flow = push(source, Infinity)
      if (flow === 0) break
      totalCost += flow * pathCost
    }
  }

  const chosen = new Uint8Array(E)
  for (let i = 0; i < E; i++) chosen[i] = cap[2 * i] === 0 ? 1 : 0
  return { chosen, weight: -totalCost }
}

/** Binary heap of (node, key) with lazy deletion. */
class MinHeap {
  #nodes: Int32Array
  #keys: Float64Array
  size = 0
  constructor(capacity: number) {
    this.#nodes = new Int32Array(capacity)
    this.#keys = new Float64Array(capacity)
  }
  clear() {
    this.size = 0
  }
  push(node: number, key: number) {
    let i = this.size++
    if (i >= this.#nodes.length) this.#grow()
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (this.#keys[parent]! <= key) break
      this.#nodes[i] = this.#nodes[parent]!
      this.#keys[i] = this.#keys[parent]!
      i = parent
    }
    this.#nodes[i] = node
    this.#keys[i] = key
  }
  pop(): [number, number] {
    const node = this.#nodes[0]!
    const key = this.#keys[0]!
    const lastNode = this.#nodes[--this.size]!
    const lastKey = this.#keys[this.size]!
    let i = 0
    for (;;) {
      let child = 2 * i + 1
      if (child >= this.size) break
      if (child + 1 < this.size && this.#keys[child + 1]! < this.#keys[child]!) child++
      if (this.#keys[child]! >= lastKey) break
      this.#nodes[i] = this.#nodes[child]!
      this.#keys[i] = this.#keys[child]!
      i = child
    }
    this.#nodes[i] = lastNode
    this.#keys[i] = lastKey
    return [node, key]
  }
  #grow() {
    const nodes = new Int32Array(this.#nodes.length * 2)
    const keys = new Float64Array(this.#keys.length * 2)
    nodes.set(this.#nodes)
    keys.set(this.#keys)
    this.#nodes = nodes
    this.#keys = keys
  }
}
