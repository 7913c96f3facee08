using Microsoft.AspNetCore.DataProtection;
using MyAlmaty.Learn.Tests.Mail;
using MyAlmaty.Learn.Tests.Support;
using MyAlmaty.Learn.Workshops;

namespace MyAlmaty.Learn.Tests.Workshops;

/// <summary>Links that need no sign-in: they name a row, never an address, cannot be made up, and say whether they expired or were forged.</summary>
public sealed class WorkshopTokenTests
{
    private readonly TempFolder _keys = new();
    private readonly TestClock _clock = new();

    private WorkshopTokens Tokens() => new(DataProtectionProvider.Create(new DirectoryInfo(_keys.Path)), _clock);

    [Fact]
    public void A_link_reads_back_as_what_it_names_until_it_expires()
    {
        var tokens = Tokens();
        var token = tokens.Create(WorkshopLink.Rsvp, 42, _clock.UtcNow.AddDays(3));

        Assert.Equal((TokenState.Valid, (long?)42), (tokens.Read(WorkshopLink.Rsvp, token).State, tokens.Read(WorkshopLink.Rsvp, token).Id));
        _clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(TokenState.Expired, tokens.Read(WorkshopLink.Rsvp, token).State);
    }

    [Fact]
    public void A_link_without_an_expiry_stays_valid_and_carries_no_readable_subject()
    {
        var tokens = Tokens();
        var token = tokens.Create(WorkshopLink.Unsubscribe, "a1b2c3", null);
        _clock.Advance(TimeSpan.FromDays(3650));

        Assert.Equal(new TokenReading(TokenState.Valid, "a1b2c3"), tokens.Read(WorkshopLink.Unsubscribe, token));
        Assert.DoesNotContain("a1b2c3", token);
        Assert.Matches("^[A-Za-z0-9_-]+$", token);
    }

    [Fact]
    public void A_changed_cut_or_made_up_link_or_one_made_for_another_purpose_is_forged()
    {
        var tokens = Tokens();
        var ticket = tokens.Create(WorkshopLink.Ticket, 7, _clock.UtcNow.AddDays(1));
        var altered = ticket[..^2] + (ticket[^2] == 'A' ? "B" : "A") + ticket[^1];

        Assert.Equal(TokenState.Forged, tokens.Read(WorkshopLink.Cancel, ticket).State);
        Assert.Equal(TokenState.Forged, tokens.Read(WorkshopLink.Ticket, altered).State);
        Assert.Equal(TokenState.Forged, tokens.Read(WorkshopLink.Ticket, ticket[..20]).State);
        Assert.Equal(TokenState.Forged, tokens.Read(WorkshopLink.Ticket, "").State);
        Assert.Equal(TokenState.Forged, tokens.Read(WorkshopLink.Ticket, null).State);
        Assert.Equal(TokenState.Forged, tokens.Read(WorkshopLink.Ticket, new string('x', 5000)).State);
        Assert.Equal(TokenState.Forged, new WorkshopTokens(DataProtectionProvider.Create(new DirectoryInfo(new TempFolder().Path)), _clock).Read(WorkshopLink.Ticket, ticket).State);
    }
}
