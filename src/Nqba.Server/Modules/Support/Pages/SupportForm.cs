namespace Nqba.Server.Modules.Support.Pages;

/// <summary>The fields the support pages' forms post (all optional here; the desk validates).</summary>
internal sealed class SupportForm
{
    public string? Subject { get; set; }

    public string? Body { get; set; }

    public string? Summary { get; set; }

    public bool Internal { get; set; }

    public string? Priority { get; set; }

    public string? Status { get; set; }

    public DateTime? CallbackAt { get; set; }

    public int? Score { get; set; }

    public string? Comment { get; set; }

    public string? Name { get; set; }

    public string? Email { get; set; }

    public string? Lang { get; set; }

    public bool? Available { get; set; }
}
