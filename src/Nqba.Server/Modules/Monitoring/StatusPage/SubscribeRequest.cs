using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Monitoring.StatusPage;

/// <summary>Subscribes an e-mail address to a component's state changes and incidents.</summary>
public sealed record SubscribeRequest([Required, EmailAddress, MaxLength(320)] string Email, [Required, StringLength(80)] string Component);
