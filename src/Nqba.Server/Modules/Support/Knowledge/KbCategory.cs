namespace Nqba.Server.Modules.Support.Knowledge;

/// <summary>A group of articles (billing, accounts, …), shared by all languages.</summary>
internal sealed class KbCategory
{
    public Guid Id { get; set; }

    public required string Slug { get; set; }

    public required string Name { get; set; }
}
