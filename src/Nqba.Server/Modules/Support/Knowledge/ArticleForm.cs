namespace Nqba.Server.Modules.Support.Knowledge;

/// <summary>The knowledge-base editor's form: an article being written, and whether to preview or save it.</summary>
internal sealed class ArticleForm
{
    public Guid? Id { get; set; }

    public string? Title { get; set; }

    public string? Slug { get; set; }

    public string? Body { get; set; }

    public string Language { get; set; } = "en";

    public ArticleVisibility Visibility { get; set; } = ArticleVisibility.Public;

    public Guid? CategoryId { get; set; }

    /// <summary><c>preview</c> or <c>save</c>.</summary>
    public string? Action { get; set; }

    public ArticleRequest ToRequest() => new(Title ?? string.Empty, Slug ?? string.Empty, Body ?? string.Empty, Language, Visibility, CategoryId);
}
