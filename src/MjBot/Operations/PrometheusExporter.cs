using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace MjBot.Operations;

/// <summary>A small Prometheus exporter of our own (written when OpenTelemetry and prometheus-net were not on the
/// mirror; they are now, and adopting one is a later issue's decision): a
/// MeterListener over the MjBot meters keeps a sum per counter and label set, the last value per gauge, and
/// cumulative buckets per histogram, and writes them in the text exposition format (version 0.0.4): HELP and TYPE
/// once per family, counters with <c>_total</c>, histograms as <c>_bucket{le=…}</c>, <c>_sum</c>, <c>_count</c>, and
/// the unit in the name (<c>_seconds</c>, <c>_usd</c>).</summary>
internal sealed class PrometheusExporter : IDisposable
{
    private static readonly double[] Bounds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600];
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, ConcurrentDictionary<string, Series>> _series = new();
    private readonly Lock _observing = new();

    /// <param name="meters">This host's meter factory: only its meters are exported (another host in the same
    /// process, as in the tests, has its own), plus the Discord client's process-wide meter.</param>
    public PrometheusExporter(IMeterFactory meters)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if ((instrument.Meter.Name is MjBotMetrics.MeterName or Backends.ComfyUI.ComfyUIMeter.Name && ReferenceEquals(instrument.Meter.Scope, meters)) || instrument.Meter.Name == Discord.DiscordMetrics.MeterName)
            {
                _series.TryAdd(instrument, new ConcurrentDictionary<string, Series>(StringComparer.Ordinal));
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.Start();
    }

    /// <summary>Writes every family in the text format.</summary>
    public string Render()
    {
        lock (_observing)
        {
            _listener.RecordObservableInstruments();
        }

        var text = new StringBuilder();
        foreach (var (instrument, series) in _series.OrderBy(static p => p.Key.Name, StringComparer.Ordinal))
        {
            var (name, type) = Family(instrument);
            text.Append("# HELP ").Append(name).Append(' ').Append(Escape(instrument.Description ?? instrument.Name, help: true)).Append('\n');
            text.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
            foreach (var (labels, value) in series.OrderBy(static p => p.Key, StringComparer.Ordinal))
            {
                value.Write(text, name, labels, type);
            }
        }

        return text.ToString();
    }

    public void Dispose() => _listener.Dispose();

    private static (string Name, string Type) Family(Instrument instrument)
    {
        var name = instrument.Name.Replace('.', '_');
        name += instrument.Unit switch { "s" => "_seconds", "usd" => "_usd", _ => string.Empty };
        var type = instrument switch
        {
            Histogram<double> or Histogram<long> => "histogram",
            Counter<long> or Counter<double> or ObservableCounter<long> or ObservableCounter<double> => "counter",
            _ => "gauge",
        };
        return (type == "counter" ? name + "_total" : name, type);
    }

    private static string Escape(string value, bool help = false)
    {
        var escaped = value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
        return help ? escaped : escaped.Replace("\"", "\\\"", StringComparison.Ordinal);
    }

    private static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length == 0)
        {
            return string.Empty;
        }

        var pairs = new List<string>(tags.Length);
        foreach (var tag in tags)
        {
            var value = Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? string.Empty;
            pairs.Add($"{tag.Key.Replace('.', '_')}=\"{Escape(value)}\"");
        }

        pairs.Sort(StringComparer.Ordinal);
        return string.Join(',', pairs);
    }

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct
    {
        if (!_series.TryGetValue(instrument, out var series))
        {
            return;
        }

        var number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
        var (_, type) = Family(instrument);
        var entry = series.GetOrAdd(Labels(tags), _ => new Series(type == "histogram" ? new long[Bounds.Length] : null));

        // Observable instruments report their current value (a total, for observable counters); others add up.
        entry.Add(number, type == "histogram" ? Aggregation.Histogram : instrument.IsObservable ? Aggregation.Last : Aggregation.Sum);
    }

    private enum Aggregation
    {
        Sum,
        Last,
        Histogram,
    }

    private sealed class Series(long[]? buckets)
    {
        private readonly Lock _lock = new();
        private double _value;
        private long _count;

        public void Add(double value, Aggregation aggregation)
        {
            lock (_lock)
            {
                if (aggregation == Aggregation.Histogram)
                {
                    for (var i = 0; i < Bounds.Length; i++)
                    {
                        if (value <= Bounds[i])
                        {
                            buckets![i]++;
                        }
                    }

                    _value += value;
                    _count++;
                }
                else
                {
                    _value = aggregation == Aggregation.Sum ? _value + value : value;
                }
            }
        }

        public void Write(StringBuilder text, string name, string labels, string type)
        {
            lock (_lock)
            {
                if (type != "histogram")
                {
                    text.Append(name).Append(Braces(labels)).Append(' ').Append(Number(_value)).Append('\n');
                    return;
                }

                var separator = labels.Length == 0 ? string.Empty : labels + ",";
                for (var i = 0; i < Bounds.Length; i++)
                {
                    text.Append(name).Append("_bucket{").Append(separator).Append("le=\"").Append(Number(Bounds[i])).Append("\"} ").Append(buckets![i].ToString(CultureInfo.InvariantCulture)).Append('\n');
                }

                text.Append(name).Append("_bucket{").Append(separator).Append("le=\"+Inf\"} ").Append(_count.ToString(CultureInfo.InvariantCulture)).Append('\n');
                text.Append(name).Append("_sum").Append(Braces(labels)).Append(' ').Append(Number(_value)).Append('\n');
                text.Append(name).Append("_count").Append(Braces(labels)).Append(' ').Append(_count.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
        }

        private static string Braces(string labels) => labels.Length == 0 ? string.Empty : "{" + labels + "}";

        private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    }
}
