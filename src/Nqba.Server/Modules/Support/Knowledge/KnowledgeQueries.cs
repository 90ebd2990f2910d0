using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Support.Chat.Persistence;

namespace Nqba.Server.Modules.Support.Knowledge;

/// <summary>What the help centre and the knowledge-base editor show, read for them (pages call this, never the DbContext).</summary>
internal sealed class KnowledgeQueries(SupportChatDbContext db)
{
    /// <summary>Category names by id.</summary>
    public Task<Dictionary<Guid, string>> CategoryNamesAsync(CancellationToken cancellationToken) =>
        db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);

    public Task<List<KbCategory>> CategoriesAsync(CancellationToken cancellationToken) =>
        db.Categories.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken);

    /// <summary>The public articles of a language, by title (at most <paramref name="limit"/>).</summary>
    public async Task<List<ArticleSummaryDto>> PublicArticlesAsync(string language, int limit, CancellationToken cancellationToken) =>
        (await db.Articles.AsNoTracking().Where(a => a.Language == language && a.Visibility == ArticleVisibility.Public)
            .OrderBy(a => a.Title).Take(limit).ToListAsync(cancellationToken))
        .ConvertAll(a => KnowledgeService.ToSummary(a));

    /// <summary>A public article by language and slug, or null (internal articles are not on the help centre).</summary>
    public Task<KbArticle?> PublicArticleAsync(string language, string slug, CancellationToken cancellationToken) =>
        db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Language == language && a.Slug == slug && a.Visibility == ArticleVisibility.Public, cancellationToken);

    /// <summary>Every article, public and internal, by language then title (at most 500): the editor's list.</summary>
    public Task<List<KbArticle>> AllArticlesAsync(CancellationToken cancellationToken) =>
        db.Articles.AsNoTracking().OrderBy(a => a.Language).ThenBy(a => a.Title).Take(500).ToListAsync(cancellationToken);

    public Task<KbArticle?> ArticleAsync(Guid id, CancellationToken cancellationToken) =>
        db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
}
