using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nqba.Server.Modules.Access;
using Nqba.Server.Modules.Intake.Contacts;
using Nqba.Server.Modules.Intake.Persistence;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Events;
using Nqba.Server.Platform.Protection;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Modules.Intake.Leads;

/// <summary>
/// Captures a lead: recognises a returning contact (by e-mail) or company (by e-mail domain) and merges into that
/// client instead of creating a second one, records the contact and the lead, and publishes <see cref="LeadCaptured"/>.
/// </summary>
internal sealed partial class LeadCapture(IntakeDbContext db, IClientDirectory clients, FieldProtector protector, IAuditLedger audit, IOptions<IntakeOptions> options, TimeProvider time)
{
    public Task<Result<CapturedLead>> CaptureAsync(CaptureLeadRequest request, LeadSource defaultSource, CancellationToken cancellationToken) =>
        CaptureAsync(request, defaultSource, retried: false, cancellationToken);

    /// <summary>Marks a lead touched by staff: the first touch stops the lead-response clock, later ones change nothing; null when there is no such lead.</summary>
    public async Task<Lead?> TouchAsync(Guid id, CancellationToken cancellationToken)
    {
        var lead = await db.Leads.FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (lead is null)
        {
            return null;
        }

        lead.FirstTouchedAt ??= time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return lead;
    }

    private async Task<Result<CapturedLead>> CaptureAsync(CaptureLeadRequest request, LeadSource defaultSource, bool retried, CancellationToken cancellationToken)
    {
        if (Validate(request) is { Count: > 0 } fields)
        {
            return Error.Validation(fields);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var email = request.Email.Trim().ToLowerInvariant();
        var domain = email[(email.LastIndexOf('@') + 1)..];
        var language = request.Language ?? "en";
        var emailHash = await protector.SearchHashAsync(email, cancellationToken);

        string? matchedBy = null;
        var contact = await db.Contacts.IgnoreQueryFilters().FirstOrDefaultAsync(c => c.EmailHash == emailHash, cancellationToken);
        if (contact is not null)
        {
            matchedBy = "email";
        }
        else
        {
            var isPublicDomain = options.Value.PublicEmailDomains.Contains(domain, StringComparer.OrdinalIgnoreCase);
            var client = await clients.FindOrCreateAsync(
                new ClientProfile(request.Company.Trim(), isPublicDomain ? null : domain, request.RegionCode, request.Industry, emailHash), cancellationToken);
            if (!client.Created)
            {
                matchedBy = "domain";
            }

            contact = new Contact
            {
                Id = Guid.CreateVersion7(),
                ClientOrganizationId = client.OrganizationId,
                Name = request.Name.Trim(),
                Email = email,
                EmailHash = emailHash,
                Phone = request.Phone,
                Language = language,
                CreatedAt = now,
            };
            db.Contacts.Add(contact);
        }

        var lead = new Lead
        {
            Id = Guid.CreateVersion7(),
            ClientOrganizationId = contact.ClientOrganizationId,
            ContactId = contact.Id,
            ContactName = request.Name.Trim(),
            ContactEmail = email,
            ContactEmailHash = emailHash,
            CompanyName = request.Company.Trim(),
            RegionCode = request.RegionCode,
            Language = language,
            Source = request.Source ?? defaultSource,
            Status = LeadStatus.New,
            Notes = request.Message,
            CapturedAt = now,
        };
        db.Leads.Add(lead);
        db.Publish(new LeadCaptured(lead.Id, lead.ClientOrganizationId, lead.Source, lead.CapturedAt), now);
        if (matchedBy is not null)
        {
            audit.Stage(db, new AuditRecord("intake.lead.merged", "lead", lead.Id.ToString(), After: new { lead.ClientOrganizationId, contactId = contact.Id, matchedBy }, OrganizationId: lead.ClientOrganizationId));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (!retried)
        {
            // Two first contacts with the same e-mail at the same moment: the other one's contact won the unique
            // index. Start again, which now finds that contact and merges into it.
            db.ChangeTracker.Clear();
            return await CaptureAsync(request, defaultSource, retried: true, cancellationToken);
        }

        return new CapturedLead(lead, matchedBy);
    }

    /// <summary>The same rules as the request's attributes, for callers (the web form) that bypass endpoint validation.</summary>
    public static Dictionary<string, string[]> Validate(CaptureLeadRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        Check(errors, "name", !string.IsNullOrWhiteSpace(request.Name) && request.Name.Length <= 200, "name is required (at most 200 characters).");
        Check(errors, "email", !string.IsNullOrWhiteSpace(request.Email) && request.Email.Length <= 320 && new EmailAddressAttribute().IsValid(request.Email) && request.Email.Contains('.', StringComparison.Ordinal), "email must be a valid e-mail address.");
        Check(errors, "company", !string.IsNullOrWhiteSpace(request.Company) && request.Company.Length <= 200, "company is required (at most 200 characters).");
        Check(errors, "regionCode", request.RegionCode is "us-east" or "us-west" or "europe" or "apac", "regionCode must be one of us-east, us-west, europe, apac.");
        Check(errors, "language", request.Language is null || UiCultures.IsSupported(request.Language), "language must be one of en, de, ja.");
        Check(errors, "phone", request.Phone is null || (request.Phone.Length <= 40 && PhonePattern().IsMatch(request.Phone)), "phone may contain digits, spaces and + - ( ) only (at most 40 characters).");
        Check(errors, "message", request.Message is null || request.Message.Length <= 4000, "message must be at most 4000 characters.");
        return errors;
    }

    private static void Check(Dictionary<string, string[]> errors, string field, bool ok, string message)
    {
        if (!ok)
        {
            errors[field] = [message];
        }
    }

    [GeneratedRegex(@"^[0-9+\-() ./]*$")]
    private static partial Regex PhonePattern();
}
