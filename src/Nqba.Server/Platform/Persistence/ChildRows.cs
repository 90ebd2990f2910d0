namespace Nqba.Server.Platform.Persistence;

/// <summary>Brings a parent's tracked child rows in line with a wanted list, matched by key.</summary>
internal static class ChildRows
{
    /// <summary>
    /// A row whose key is still wanted is kept and updated in place (EF cannot delete and insert the same primary key
    /// in one save), a row no longer wanted is removed, and each wanted key without a row gets a new one, in the
    /// wanted list's order. Keys are expected to be unique in <paramref name="wanted"/> (the first one counts).
    /// </summary>
    public static void Sync<TRow, TWanted, TKey>(
        List<TRow> rows,
        IReadOnlyList<TWanted> wanted,
        Func<TRow, TKey> rowKey,
        Func<TWanted, TKey> wantedKey,
        Action<TRow, TWanted> update,
        Func<TWanted, TRow> create)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(wanted);
        var missing = new Dictionary<TKey, TWanted>();
        foreach (var w in wanted)
        {
            missing.TryAdd(wantedKey(w), w);
        }

        foreach (var row in rows.ToList())
        {
            if (missing.Remove(rowKey(row), out var w))
            {
                update(row, w);
            }
            else
            {
                rows.Remove(row);
            }
        }

        foreach (var w in wanted)
        {
            if (missing.Remove(wantedKey(w)))
            {
                rows.Add(create(w));
            }
        }
    }
}
