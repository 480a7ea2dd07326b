using System.Net;

namespace Grader.Worker.Operations;

/// <summary>
/// Who may read <c>GET /metrics</c> without the TA token, section <c>Grader:Metrics</c>: the
/// client addresses in <see cref="ScrapeAddresses"/> (IP addresses or CIDR ranges; none by default).
/// </summary>
public sealed class MetricsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Grader:Metrics";

    /// <summary>
    /// Addresses (<c>10.0.0.5</c>, <c>::1</c>) and ranges (<c>10.0.0.0/8</c>) that may scrape without a token;
    /// an entry may also list several separated by commas or spaces.
    /// </summary>
    public List<string> ScrapeAddresses { get; set; } = [];

    /// <summary>The entries as networks (a single address is a /32 or /128), or the first entry that is neither an address nor a range.</summary>
    public (IReadOnlyList<IPNetwork> Networks, string? Invalid) Parse()
    {
        var networks = new List<IPNetwork>();
        foreach (var entry in ScrapeAddresses.SelectMany(e => (e ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (IPNetwork.TryParse(entry, out var network))
            {
                networks.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var address))
            {
                networks.Add(new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128));
            }
            else
            {
                return (networks, entry);
            }
        }

        return (networks, null);
    }

    /// <summary>True when <paramref name="address"/> is in one of <paramref name="networks"/> (an IPv4-mapped IPv6 address counts as its IPv4 address).</summary>
    public static bool Allows(IReadOnlyList<IPNetwork> networks, IPAddress? address)
    {
        if (address is null || networks.Count == 0)
        {
            return false;
        }

        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return networks.Any(n => n.Contains(plain));
    }
}
