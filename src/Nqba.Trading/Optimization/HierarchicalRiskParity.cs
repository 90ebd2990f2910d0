using Nqba.Trading.Estimation;

namespace Nqba.Trading.Optimization;

/// <summary>
/// Hierarchical risk parity (López de Prado) as PyPortfolioOpt's <c>HRPOpt</c>: correlation distance
/// <c>√((1 − ρ)/2)</c>, single-linkage clustering (PyPortfolioOpt's default; the same merge order as SciPy's
/// <c>linkage(..., "single")</c>), quasi-diagonalization (leaf order of the tree, left branch first) and recursive
/// bisection, splitting each list in halves and weighting by inverse-variance cluster risk. Long-only; no solver.
/// </summary>
public static class HierarchicalRiskParity
{
    /// <summary>The HRP weights from daily returns (pairwise-complete covariance and correlation).</summary>
    public static HrpResult Optimize(ReturnSeries returns)
    {
        ArgumentNullException.ThrowIfNull(returns);
        var n = returns.Assets;
        var cov = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i; j < n; j++)
            {
                cov[i, j] = cov[j, i] = RiskModels.PairwiseCovariance(returns.Column(i), returns.Column(j));
            }
        }

        var corr = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                corr[i, j] = PairwiseCorrelation(returns.Column(i), returns.Column(j));
            }
        }

        return Optimize(cov, corr);
    }

    /// <summary>The HRP weights from a covariance matrix (correlation derived from it).</summary>
    public static HrpResult Optimize(double[,] covariance)
    {
        ArgumentNullException.ThrowIfNull(covariance);
        var n = covariance.GetLength(0);
        var corr = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                corr[i, j] = covariance[i, j] / Math.Sqrt(covariance[i, i] * covariance[j, j]);
            }
        }

        return Optimize(covariance, corr);
    }

    private static HrpResult Optimize(double[,] cov, double[,] corr)
    {
        var n = cov.GetLength(0);
        var distance = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                distance[i, j] = i == j ? 0 : Math.Sqrt(Math.Clamp((1 - corr[i, j]) / 2, 0, 1));
            }
        }

        var order = QuasiDiagonalOrder(SingleLinkage(distance), n);
        var weights = Enumerable.Repeat(1.0, n).ToArray();
        var pending = new Queue<int[]>();
        pending.Enqueue(order);
        while (pending.Count > 0)
        {
            var cluster = pending.Dequeue();
            if (cluster.Length < 2)
            {
                continue;
            }

            var half = cluster.Length / 2;
            var left = cluster[..half];
            var right = cluster[half..];
            var leftVariance = ClusterVariance(cov, left);
            var rightVariance = ClusterVariance(cov, right);
            var alpha = 1 - (leftVariance / (leftVariance + rightVariance));
            foreach (var i in left)
            {
                weights[i] *= alpha;
            }

            foreach (var i in right)
            {
                weights[i] *= 1 - alpha;
            }

            pending.Enqueue(left);
            pending.Enqueue(right);
        }

        return new HrpResult(weights, order);
    }

    /// <summary>
    /// Single linkage from Prim's minimum spanning tree, edges taken in ascending distance (stable) and labelled with
    /// union-find: each row is (smaller cluster id, larger cluster id, distance, size), new clusters numbered n, n+1, ….
    /// </summary>
    internal static (int Left, int Right, double Distance, int Size)[] SingleLinkage(double[,] distance)
    {
        var n = distance.GetLength(0);
        var inTree = new bool[n];
        var best = Enumerable.Repeat(double.PositiveInfinity, n).ToArray();
        var edges = new List<(int A, int B, double D)>();
        var current = 0;
        inTree[0] = true;
        for (var step = 0; step < n - 1; step++)
        {
            var next = -1;
            var nextDistance = double.PositiveInfinity;
            for (var j = 0; j < n; j++)
            {
                if (inTree[j])
                {
                    continue;
                }

                best[j] = Math.Min(best[j], distance[current, j]);
                if (best[j] < nextDistance)
                {
                    nextDistance = best[j];
                    next = j;
                }
            }

            edges.Add((current, next, nextDistance));
            inTree[next] = true;
            current = next;
        }

        var sorted = edges.Select((e, k) => (e, k)).OrderBy(p => p.e.D).ThenBy(p => p.k).Select(p => p.e).ToList();
        var parent = Enumerable.Range(0, (2 * n) - 1).ToArray();
        var size = Enumerable.Repeat(1, (2 * n) - 1).ToArray();
        int Find(int x)
        {
            while (parent[x] != x)
            {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }

            return x;
        }

        var rows = new (int, int, double, int)[n - 1];
        for (var k = 0; k < sorted.Count; k++)
        {
            var a = Find(sorted[k].A);
            var b = Find(sorted[k].B);
            var merged = n + k;
            parent[a] = merged;
            parent[b] = merged;
            size[merged] = size[a] + size[b];
            rows[k] = (Math.Min(a, b), Math.Max(a, b), sorted[k].D, size[merged]);
        }

        return rows;
    }

    /// <summary>The leaves of the linkage tree, left branch first.</summary>
    internal static int[] QuasiDiagonalOrder((int Left, int Right, double Distance, int Size)[] linkage, int n)
    {
        var order = new List<int>();
        var stack = new Stack<int>();
        stack.Push(n + linkage.Length - 1);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node < n)
            {
                order.Add(node);
                continue;
            }

            var row = linkage[node - n];
            stack.Push(row.Right);
            stack.Push(row.Left);
        }

        return [.. order];
    }

    private static double ClusterVariance(double[,] cov, int[] members)
    {
        var inverse = members.Select(i => 1 / cov[i, i]).ToArray();
        var total = inverse.Sum();
        var variance = 0.0;
        for (var a = 0; a < members.Length; a++)
        {
            for (var b = 0; b < members.Length; b++)
            {
                variance += inverse[a] / total * cov[members[a], members[b]] * inverse[b] / total;
            }
        }

        return variance;
    }

    private static double PairwiseCorrelation(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var count = 0;
        double meanA = 0, meanB = 0;
        for (var t = 0; t < a.Length; t++)
        {
            if (!double.IsNaN(a[t]) && !double.IsNaN(b[t]))
            {
                count++;
                meanA += a[t];
                meanB += b[t];
            }
        }

        meanA /= count;
        meanB /= count;
        double sab = 0, saa = 0, sbb = 0;
        for (var t = 0; t < a.Length; t++)
        {
            if (!double.IsNaN(a[t]) && !double.IsNaN(b[t]))
            {
                sab += (a[t] - meanA) * (b[t] - meanB);
                saa += (a[t] - meanA) * (a[t] - meanA);
                sbb += (b[t] - meanB) * (b[t] - meanB);
            }
        }

        return sab / Math.Sqrt(saa * sbb);
    }
}
