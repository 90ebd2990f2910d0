using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Support.Chat.Persistence;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Support.Knowledge;

internal static class KnowledgeEndpoints
{
    public static IEndpointRouteBuilder MapKnowledgeEndpoints(this IEndpointRouteBuilder app)
    {
        MapStaff(app.MapGroup("/api/support/kb").WithTags("Support").RequireAuthorization(NqbaPolicies.Staff));
        MapPublic(app.MapGroup("/api/support/help").WithTags("Support").AllowAnonymous());
        return app;
    }

    private static async Task<Results<Ok<List<ArticleSummaryDto>>, ProblemHttpResult>> ListKbArticles(string? language, ArticleVisibility? visibility, Guid? categoryId, SupportChatDbContext db, CancellationToken ct)
    {
        if (language is not null && !KbLanguages.IsSupported(language))
        {
            return Error.Validation("language", "Language must be one of en, de, ja.").ToProblem();
        }

        var query = db.Articles.AsNoTracking();
        query = language is null ? query : query.Where(a => a.Language == language);
        query = visibility is { } v ? query.Where(a => a.Visibility == v) : query;
        query = categoryId is { } c ? query.Where(a => a.CategoryId == c) : query;
        var articles = await query.OrderBy(a => a.Language).ThenBy(a => a.Title).Take(1000).ToListAsync(ct);
        return TypedResults.Ok(articles.ConvertAll(a => KnowledgeService.ToSummary(a)));
    }

    private static async Task<Results<Ok<ArticleDto>, ProblemHttpResult>> GetKbArticle(Guid id, SupportChatDbContext db, CancellationToken ct) =>
        await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) is { } article
            ? TypedResults.Ok(KnowledgeService.ToDto(article))
            : Error.NotFound("Article", id).ToProblem();

    private static async Task<Results<Created<ArticleDto>, ProblemHttpResult>> CreateKbArticle(ArticleRequest request, KnowledgeService kb, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await kb.CreateAsync(request, user.Identity?.Name, ct);
        return result.Succeeded ? TypedResults.Created($"/api/support/kb/articles/{result.Value.Id}", result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<ArticleDto>, ProblemHttpResult>> UpdateKbArticle(Guid id, ArticleRequest request, KnowledgeService kb, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await kb.UpdateAsync(id, request, user.Identity?.Name, ct);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteKbArticle(Guid id, KnowledgeService kb, CancellationToken ct) =>
        await kb.DeleteAsync(id, ct) is { } error ? error.ToProblem() : TypedResults.NoContent();

    private static async Task<Results<Ok<List<ArticleSummaryDto>>, ProblemHttpResult>> SearchKbArticles(string? q, string? language, int? limit, KnowledgeService kb, CancellationToken ct)
    {
        var result = await kb.SearchAsync(q, language, includeInternal: true, limit ?? 10, ct);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Created<CategoryDto>, ProblemHttpResult>> CreateKbCategory(CategoryRequest request, KnowledgeService kb, CancellationToken ct)
    {
        var result = await kb.CreateCategoryAsync(request, ct);
        return result.Succeeded ? TypedResults.Created($"/api/support/help/categories", result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<List<ArticleSummaryDto>>, ProblemHttpResult>> ListHelpArticles(string? language, KnowledgeQueries articles, CancellationToken ct)
    {
        language ??= "en";
        if (!KbLanguages.IsSupported(language))
        {
            return Error.Validation("language", "Language must be one of en, de, ja.").ToProblem();
        }

        return TypedResults.Ok(await articles.PublicArticlesAsync(language, 1000, ct));
    }

    private static async Task<Results<Ok<ArticleDto>, ProblemHttpResult>> GetHelpArticle(string language, string slug, KnowledgeQueries articles, CancellationToken ct) =>
        await articles.PublicArticleAsync(language, slug, ct) is { } article
            ? TypedResults.Ok(KnowledgeService.ToDto(article))
            : Error.NotFound("Article", $"{language}/{slug}").ToProblem();

    private static async Task<Results<Ok<List<ArticleSummaryDto>>, ProblemHttpResult>> SearchHelpArticles(string? q, string? language, int? limit, KnowledgeService kb, CancellationToken ct)
    {
        var result = await kb.SearchAsync(q, language, includeInternal: false, limit ?? 10, ct);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Ok<List<CategoryDto>>> ListHelpCategories(SupportChatDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Categories.AsNoTracking().OrderBy(c => c.Name).Select(c => new CategoryDto(c.Id, c.Slug, c.Name)).ToListAsync(ct));

    private static void MapStaff(RouteGroupBuilder group)
    {
        group.MapGet("/articles", ListKbArticles)
            .WithName("ListKbArticles");

        group.MapGet("/articles/{id:guid}", GetKbArticle)
            .WithName("GetKbArticle");

        group.MapPost("/articles", CreateKbArticle)
            .WithName("CreateKbArticle");

        group.MapPut("/articles/{id:guid}", UpdateKbArticle)
            .WithName("UpdateKbArticle");

        group.MapDelete("/articles/{id:guid}", DeleteKbArticle)
            .WithName("DeleteKbArticle");

        group.MapGet("/search", SearchKbArticles)
            .WithName("SearchKbArticles");

        group.MapPost("/categories", CreateKbCategory)
            .WithName("CreateKbCategory");
    }

    private static void MapPublic(RouteGroupBuilder group)
    {
        group.MapGet("/articles", ListHelpArticles)
            .WithName("ListHelpArticles");

        group.MapGet("/articles/{language}/{slug}", GetHelpArticle)
            .WithName("GetHelpArticle");

        group.MapGet("/search", SearchHelpArticles)
            .WithName("SearchHelpArticles");

        group.MapGet("/categories", ListHelpCategories)
            .WithName("ListHelpCategories");
    }
}
