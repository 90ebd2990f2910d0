namespace Nqba.Server.Modules.Support.Knowledge;

/// <summary>Ranked full-text search over articles of one language; the implementation follows the database provider.</summary>
internal interface IKnowledgeSearch
{
    /// <summary>The best articles for <paramref name="query"/>, best first; internal ones only when <paramref name="includeInternal"/>.</summary>
    Task<IReadOnlyList<KnowledgeHit>> SearchAsync(string query, string language, bool includeInternal, int limit, CancellationToken cancellationToken);
}
