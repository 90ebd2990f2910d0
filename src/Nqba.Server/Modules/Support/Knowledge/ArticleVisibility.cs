namespace Nqba.Server.Modules.Support.Knowledge;

/// <summary>Who may read an article: anyone (help centre, bot) or staff only.</summary>
public enum ArticleVisibility
{
    Public,
    Internal,
}
