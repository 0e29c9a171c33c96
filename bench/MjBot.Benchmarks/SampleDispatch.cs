using System.Globalization;

namespace MjBot.Benchmarks;

/// <summary>A realistic INTERACTION_CREATE frame for /imagine (the fields Discord sends, ~1.3 KB).</summary>
internal static class SampleDispatch
{
    public static string InteractionCreate(int sequence, ulong id) =>
        """{"op":0,"s":__SEQ__,"t":"INTERACTION_CREATE","d":{"id":"__ID__","application_id":"1098765432109876543","type":2,"token":"aW50ZXJhY3Rpb246MTMwMDAwMDAwMDAwMDAwMDAwMDpQb3J0YWJsZVRva2VuVmFsdWVGb3JCZW5jaG1hcmtzT25seU5vdEFSZWFsVG9rZW5BdEFsbEp1c3RMb25nRW5vdWdo","version":1,"guild_id":"1100000000000000001","guild":{"id":"1100000000000000001","locale":"en-US","features":[]},"channel_id":"1100000000000000002","channel":{"id":"1100000000000000002","type":0,"name":"imagine","guild_id":"1100000000000000001"},"member":{"user":{"id":"80351110224678912","username":"nelly","global_name":"Nelly","discriminator":"0","avatar":"8342729096ea3675442027381ff50dfe"},"roles":["1100000000000000009"],"joined_at":"2025-01-01T00:00:00.000000+00:00","permissions":"2147601472","deaf":false,"mute":false,"flags":0},"app_permissions":"2251799813685247","locale":"en-US","guild_locale":"en-US","entitlements":[],"authorizing_integration_owners":{"0":"1100000000000000001"},"context":0,"attachment_size_limit":10485760,"data":{"id":"1200000000000000001","name":"imagine","type":1,"options":[{"name":"prompt","type":3,"value":"a red fox in snow, golden hour, 85mm --ar 16:9 --s 250 --no trees"}]}}}"""
            .Replace("__SEQ__", sequence.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("__ID__", id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
