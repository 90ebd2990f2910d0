namespace Nqba.Server.Modules.Support.Knowledge;

/// <summary>A knowledge-base article in one language; <see cref="BodyHtml"/> is the sanitized rendering of the Markdown.</summary>
internal sealed class KbArticle
{
    public Guid Id { get; set; }

    public required string Slug { get; set; }

    public required string Language { get; set; }

    public required string Title { get; set; }

    public required string BodyMarkdown { get; set; }

    public required string BodyHtml { get; set; }

    public ArticleVisibility Visibility { get; set; }

    public Guid? CategoryId { get; set; }

    /// <summary>Title as search tokens (see <see cref="SearchTokenizer"/>): what the full-text index reads.</summary>
    public required string SearchTitle { get; set; }

    /// <summary>Body as plain-text search tokens.</summary>
    public required string SearchText { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }
}
