using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Support.Chat.Persistence;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Errors;

namespace Nqba.Server.Modules.Support.Knowledge;

/// <summary>Article and category changes (API and editor page share them) and ranked search.</summary>
internal sealed class KnowledgeService(SupportChatDbContext db, MarkdownRenderer markdown, IKnowledgeSearch search, IAuditLedger audit, TimeProvider time)
{
    public async Task<Result<ArticleDto>> CreateAsync(ArticleRequest request, string? actor, CancellationToken cancellationToken)
    {
        if (await ValidateAsync(request, null, cancellationToken) is { } error)
        {
            return error;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var article = new KbArticle
        {
            Id = Guid.CreateVersion7(),
            Slug = request.Slug,
            Language = request.Language,
            Title = request.Title,
            BodyMarkdown = request.Body,
            BodyHtml = string.Empty,
            SearchTitle = string.Empty,
            SearchText = string.Empty,
            CreatedAt = now,
        };
        Apply(article, request, actor, now);
        db.Articles.Add(article);
        audit.Stage(db, new AuditRecord("support.kb.article.created", "KbArticle", article.Id.ToString(), After: new { request.Slug, request.Language, request.Title, Visibility = request.Visibility.ToString() }));
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(article);
    }

    public async Task<Result<ArticleDto>> UpdateAsync(Guid id, ArticleRequest request, string? actor, CancellationToken cancellationToken)
    {
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
        {
            return Error.NotFound("Article", id);
        }

        if (await ValidateAsync(request, id, cancellationToken) is { } error)
        {
            return error;
        }

        var before = new { article.Slug, article.Language, article.Title, Visibility = article.Visibility.ToString() };
        Apply(article, request, actor, time.GetUtcNow().UtcDateTime);
        audit.Stage(db, new AuditRecord("support.kb.article.updated", "KbArticle", id.ToString(), Before: before, After: new { request.Slug, request.Language, request.Title, Visibility = request.Visibility.ToString() }));
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(article);
    }

    public async Task<Error?> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
        {
            return Error.NotFound("Article", id);
        }

        db.Articles.Remove(article);
        audit.Stage(db, new AuditRecord("support.kb.article.deleted", "KbArticle", id.ToString(), Before: new { article.Slug, article.Language, article.Title }));
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task<Result<CategoryDto>> CreateCategoryAsync(CategoryRequest request, CancellationToken cancellationToken)
    {
        if (await db.Categories.AnyAsync(c => c.Slug == request.Slug, cancellationToken))
        {
            return Error.Conflict($"A category with slug '{request.Slug}' exists already.");
        }

        var category = new KbCategory { Id = Guid.CreateVersion7(), Slug = request.Slug, Name = request.Name };
        db.Categories.Add(category);
        audit.Stage(db, new AuditRecord("support.kb.category.created", "KbCategory", category.Id.ToString(), After: request));
        await db.SaveChangesAsync(cancellationToken);
        return new CategoryDto(category.Id, category.Slug, category.Name);
    }

    /// <summary>Ranked search; the hits come back as summaries with the engine's score.</summary>
    public async Task<Result<List<ArticleSummaryDto>>> SearchAsync(string? query, string? language, bool includeInternal, int limit, CancellationToken cancellationToken)
    {
        language ??= "en";
        if (!KbLanguages.IsSupported(language))
        {
            return Error.Validation("language", "Language must be one of en, de, ja.");
        }

        if (string.IsNullOrWhiteSpace(query) || query.Length > 500)
        {
            return Error.Validation("q", "Give a search text of 1 to 500 characters.");
        }

        var hits = await search.SearchAsync(query, language, includeInternal, Math.Clamp(limit, 1, 50), cancellationToken);
        var ids = hits.Select(h => h.ArticleId).ToList();
        var articles = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        return hits.Where(h => articles.ContainsKey(h.ArticleId)).Select(h => ToSummary(articles[h.ArticleId], h.Score)).ToList();
    }

    public static ArticleDto ToDto(KbArticle a) => new(a.Id, a.Slug, a.Language, a.Title, a.BodyMarkdown, a.BodyHtml, a.Visibility, a.CategoryId, a.UpdatedAt);

    public static ArticleSummaryDto ToSummary(KbArticle a, double? score = null) => new(a.Id, a.Slug, a.Language, a.Title, a.Visibility, a.CategoryId, a.UpdatedAt, score);

    private void Apply(KbArticle article, ArticleRequest request, string? actor, DateTime now)
    {
        article.Slug = request.Slug;
        article.Language = request.Language;
        article.Title = request.Title;
        article.BodyMarkdown = request.Body;
        article.BodyHtml = markdown.ToHtml(request.Body);
        article.Visibility = request.Visibility;
        article.CategoryId = request.CategoryId;
        article.SearchTitle = SearchTokenizer.Join(request.Title);
        article.SearchText = SearchTokenizer.Join(markdown.ToPlainText(request.Body));
        article.UpdatedAt = now;
        article.UpdatedBy = actor;
    }

    private async Task<Error?> ValidateAsync(ArticleRequest request, Guid? id, CancellationToken cancellationToken)
    {
        if (!KbLanguages.IsSupported(request.Language))
        {
            return Error.Validation("language", "Language must be one of en, de, ja.");
        }

        if (!Enum.IsDefined(request.Visibility))
        {
            return Error.Validation("visibility", "Visibility must be Public or Internal.");
        }

        if (request.CategoryId is { } category && !await db.Categories.AnyAsync(c => c.Id == category, cancellationToken))
        {
            return Error.Validation("categoryId", $"Category '{category}' does not exist.");
        }

        return await db.Articles.AnyAsync(a => a.Language == request.Language && a.Slug == request.Slug && a.Id != id, cancellationToken)
            ? Error.Conflict($"An article with slug '{request.Slug}' exists already in '{request.Language}'.")
            : null;
    }
}
