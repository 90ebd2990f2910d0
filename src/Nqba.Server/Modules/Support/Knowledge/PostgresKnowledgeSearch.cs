using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Support.Chat.Persistence;

namespace Nqba.Server.Modules.Support.Knowledge;

/// <summary>
/// PostgreSQL full-text search: the stored generated <c>search_vector</c> column (title weight A, body weight B,
/// the article language's configuration) with a GIN index, queried with <c>to_tsquery</c> over OR-ed terms and
/// ranked by <c>ts_rank</c>.
/// </summary>
internal sealed class PostgresKnowledgeSearch(SupportChatDbContext db) : IKnowledgeSearch
{
    public async Task<IReadOnlyList<KnowledgeHit>> SearchAsync(string query, string language, bool includeInternal, int limit, CancellationToken cancellationToken)
    {
        var terms = KnowledgeQuery.Terms(query);
        if (terms.Count == 0)
        {
            return [];
        }

        // Tokens are letters and digits only, so none is tsquery syntax; the configuration name comes from a fixed map.
        var tsquery = string.Join(" | ", terms);
        var config = KbLanguages.PostgresConfig(language);
        var visibility = nameof(ArticleVisibility.Public);
        return await db.Database.SqlQuery<KnowledgeHit>($"""
            SELECT a."Id" AS "ArticleId", ts_rank(a.search_vector, q)::float8 AS "Score"
            FROM support_kb_articles a, to_tsquery(CAST({config} AS regconfig), {tsquery}) q
            WHERE a.search_vector @@ q AND a."Language" = {language} AND (a."Visibility" = {visibility} OR {includeInternal})
            ORDER BY 2 DESC, a."Title"
            LIMIT {limit}
            """).ToListAsync(cancellationToken);
    }
}
