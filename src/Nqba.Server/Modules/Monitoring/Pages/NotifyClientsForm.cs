namespace Nqba.Server.Modules.Monitoring.Pages;

/// <summary>The incident page's "notify all affected clients" form.</summary>
internal sealed class NotifyClientsForm
{
    public string? Message { get; set; }
}
