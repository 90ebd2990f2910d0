using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Support.Chat.Persistence;

namespace Nqba.Server.Modules.Support.Knowledge;

/// <summary>
/// SQLite FTS5: the <c>support_kb_articles_fts</c> table (created with its sync triggers in the module's SQLite
/// migration) ranked by BM25, the title weighted ten times the body. Query terms are OR-ed, so a question in
/// plain words finds the article sharing the most (and rarest) of them.
/// </summary>
internal sealed class SqliteKnowledgeSearch(SupportChatDbContext db) : IKnowledgeSearch
{
    public async Task<IReadOnlyList<KnowledgeHit>> SearchAsync(string query, string language, bool includeInternal, int limit, CancellationToken cancellationToken)
    {
        var terms = KnowledgeQuery.Terms(query);
        if (terms.Count == 0)
        {
            return [];
        }

        // Tokens are letters and digits only; quoting makes each a plain FTS5 string, never syntax.
        var match = string.Join(" OR ", terms.Select(t => "\"" + t + "\""));
        var visibility = nameof(ArticleVisibility.Public);
        return await db.Database.SqlQuery<KnowledgeHit>($"""
            SELECT a."Id" AS "ArticleId", -bm25(support_kb_articles_fts, 0.0, 10.0, 1.0) AS "Score"
            FROM support_kb_articles_fts f JOIN support_kb_articles a ON a."Id" = f.article_id
            WHERE support_kb_articles_fts MATCH {match} AND a."Language" = {language} AND (a."Visibility" = {visibility} OR {includeInternal})
            ORDER BY bm25(support_kb_articles_fts, 0.0, 10.0, 1.0)
            LIMIT {limit}
            """).ToListAsync(cancellationToken);
    }
}
