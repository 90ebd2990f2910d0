namespace Nqba.Server.Modules.Support.Knowledge;

/// <summary>One row of a full-text search: the article and its rank (higher is better, comparable within one search).</summary>
internal sealed class KnowledgeHit
{
    public Guid ArticleId { get; set; }

    public double Score { get; set; }
}
