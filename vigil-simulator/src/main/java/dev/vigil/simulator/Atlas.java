package dev.vigil.simulator;

import dev.vigil.core.event.Geo;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in world's data: real cities with real coordinates, real operators with their real AS numbers
 * where the operator is real (fictional companies get plausible numbers), and synthetic prefixes handed out
 * region by region. Built in, not downloaded, so a simulation needs no network and never changes under a test.
 *
 * <p>Offsets are standard time; daylight saving is ignored because an hour's shift in a habit changes nothing
 * a detector should care about.
 */
final class Atlas {
  /** The one world every simulation runs in; immutable. */
  static final World WORLD = new Atlas().build();

  private final Map<Region, Integer> v4Next = new EnumMap<>(Region.class);
  private final Map<Region, Integer> v6Next = new EnumMap<>(Region.class);
  private final Map<String, City> cities = new HashMap<>();
  private final List<Country> countries = new ArrayList<>();

  private Atlas() {}

  private record Operator(NetworkKind kind, String asOrg, long asn) {}

  private static Operator isp(String asOrg, long asn) {
    return new Operator(NetworkKind.RESIDENTIAL, asOrg, asn);
  }

  private static Operator mobile(String asOrg, long asn) {
    return new Operator(NetworkKind.MOBILE, asOrg, asn);
  }

  private static City city(String name, String region, double lat, double lon, int offsetMinutes,
      double residents) {
    // The country code is filled in by country(); "??" never escapes this class.
    return new City(name, "??", region, lat, lon, offsetMinutes, residents);
  }

  private World build() {
    country("US", Region.NORTH_AMERICA, 22,
        List.of(city("New York", "NY", 40.7128, -74.0060, -300, 5), city("Los Angeles", "CA", 34.0522, -118.2437, -480, 4),
            city("Chicago", "IL", 41.8781, -87.6298, -360, 3), city("Houston", "TX", 29.7604, -95.3698, -360, 2.5),
            city("Seattle", "WA", 47.6062, -122.3321, -480, 1.5), city("Miami", "FL", 25.7617, -80.1918, -300, 1.5),
            city("Ashburn", "VA", 39.0438, -77.4874, -300, 0)),
        List.of(isp("Comcast Cable Communications, LLC", 7922), isp("Charter Communications Inc", 20115),
            isp("AT&T Services, Inc.", 7018), isp("Verizon Business", 701)),
        List.of(mobile("T-Mobile USA, Inc.", 21928), mobile("Verizon Wireless", 22394)));
    country("CA", Region.NORTH_AMERICA, 4,
        List.of(city("Toronto", "ON", 43.6532, -79.3832, -300, 3), city("Vancouver", "BC", 49.2827, -123.1207, -480, 1.5),
            city("Montreal", "QC", 45.5019, -73.5674, -300, 2), city("Beauharnois", "QC", 45.3151, -73.8779, -300, 0)),
        List.of(isp("Rogers Communications Canada Inc.", 812), isp("Bell Canada", 577), isp("TELUS Communications Inc.", 852)),
        List.of(mobile("Bell Mobility", 36522)));
    country("MX", Region.LATIN_AMERICA, 4,
        List.of(city("Mexico City", "CMX", 19.4326, -99.1332, -360, 4), city("Guadalajara", "JAL", 20.6597, -103.3496, -360, 1.5),
            city("Monterrey", "NLE", 25.6866, -100.3161, -360, 1.5)),
        List.of(isp("Uninet S.A. de C.V.", 8151), isp("Total Play Telecomunicaciones", 22884), isp("Megacable Comunicaciones de Mexico", 13999)),
        List.of(mobile("Radiomovil Dipsa (Telcel)", 28403)));
    country("BR", Region.LATIN_AMERICA, 6,
        List.of(city("Sao Paulo", "SP", -23.5505, -46.6333, -180, 4), city("Rio de Janeiro", "RJ", -22.9068, -43.1729, -180, 2.5),
            city("Belo Horizonte", "MG", -19.9167, -43.9345, -180, 1.2)),
        List.of(isp("Claro NXT Telecomunicacoes Ltda", 28573), isp("Telefonica Brasil S.A.", 18881), isp("Oi S.A.", 7738)),
        List.of(mobile("TIM S/A", 26615)));
    country("GB", Region.EUROPE, 8,
        List.of(city("London", "ENG", 51.5074, -0.1278, 0, 5), city("Manchester", "ENG", 53.4808, -2.2426, 0, 1.5),
            city("Edinburgh", "SCT", 55.9533, -3.1883, 0, 1), city("Birmingham", "ENG", 52.4862, -1.8904, 0, 1.2)),
        List.of(isp("British Telecommunications PLC", 2856), isp("Virgin Media Limited", 5089), isp("Sky UK Limited", 5607),
            isp("TalkTalk Communications Limited", 13285)),
        List.of(mobile("EE Limited", 12576), mobile("Vodafone Limited", 25135)));
    country("IE", Region.EUROPE, 1.5,
        List.of(city("Dublin", "L", 53.3498, -6.2603, 0, 3), city("Cork", "M", 51.8985, -8.4756, 0, 1)),
        List.of(isp("Eircom Limited", 5466), isp("Virgin Media Ireland Limited", 6830)),
        List.of(mobile("Vodafone Ireland Limited", 15502)));
    country("DE", Region.EUROPE, 8,
        List.of(city("Berlin", "BE", 52.5200, 13.4050, 60, 3.6), city("Munich", "BY", 48.1351, 11.5820, 60, 1.5),
            city("Hamburg", "HH", 53.5511, 9.9937, 60, 1.8), city("Frankfurt am Main", "HE", 50.1109, 8.6821, 60, 0.8),
            city("Falkenstein", "SN", 50.4779, 12.3713, 60, 0)),
        List.of(isp("Deutsche Telekom AG", 3320), isp("Vodafone GmbH", 3209), isp("1&1 Versatel Deutschland GmbH", 8881)),
        List.of(mobile("Telefonica Germany GmbH & Co.OHG", 6805)));
    country("FR", Region.EUROPE, 6,
        List.of(city("Paris", "IDF", 48.8566, 2.3522, 60, 4), city("Lyon", "ARA", 45.7640, 4.8357, 60, 1.2),
            city("Marseille", "PAC", 43.2965, 5.3698, 60, 1), city("Roubaix", "HDF", 50.6942, 3.1746, 60, 0)),
        List.of(isp("Orange S.A.", 3215), isp("Free SAS", 12322), isp("Societe Francaise Du Radiotelephone - SFR SA", 15557)),
        List.of(mobile("Bouygues Telecom SA", 5410)));
    country("NL", Region.EUROPE, 3,
        List.of(city("Amsterdam", "NH", 52.3676, 4.9041, 60, 2), city("Rotterdam", "ZH", 51.9244, 4.4777, 60, 1.2),
            city("Utrecht", "UT", 52.0907, 5.1214, 60, 0.8)),
        List.of(isp("KPN B.V.", 1136), isp("Vodafone Libertel B.V. (Ziggo)", 33915)),
        List.of(mobile("Odido Netherlands B.V.", 50266)));
    country("ES", Region.EUROPE, 4,
        List.of(city("Madrid", "MD", 40.4168, -3.7038, 60, 3), city("Barcelona", "CT", 41.3874, 2.1686, 60, 2.5),
            city("Valencia", "VC", 39.4699, -0.3763, 60, 1)),
        List.of(isp("Telefonica de Espana S.A.U.", 3352), isp("Orange Espagne SA", 12479)),
        List.of(mobile("Vodafone Spain", 12430)));
    country("IT", Region.EUROPE, 4,
        List.of(city("Rome", "62", 41.9028, 12.4964, 60, 2.8), city("Milan", "25", 45.4642, 9.1900, 60, 3),
            city("Naples", "72", 40.8518, 14.2681, 60, 1.5)),
        List.of(isp("Telecom Italia S.p.A.", 3269), isp("Fastweb SpA", 12874), isp("Vodafone Italia S.p.A.", 30722)),
        List.of(mobile("Wind Tre S.p.A.", 1267)));
    country("PL", Region.EUROPE, 3,
        List.of(city("Warsaw", "14", 52.2297, 21.0122, 60, 2), city("Krakow", "12", 50.0647, 19.9450, 60, 1),
            city("Wroclaw", "02", 51.1079, 17.0385, 60, 0.8)),
        List.of(isp("Orange Polska Spolka Akcyjna", 5617), isp("Netia SA", 12741)),
        List.of(mobile("P4 Sp. z o.o.", 39603), mobile("T-Mobile Polska S.A.", 12912)));
    country("SE", Region.EUROPE, 2,
        List.of(city("Stockholm", "AB", 59.3293, 18.0686, 60, 2), city("Gothenburg", "O", 57.7089, 11.9746, 60, 1),
            city("Malmo", "M", 55.6050, 13.0038, 60, 0.7)),
        List.of(isp("Telia Company AB", 3301), isp("Bahnhof AB", 8473), isp("Com Hem AB", 39651)),
        List.of(mobile("Tele2 Sverige AB", 1257)));
    country("CH", Region.EUROPE, 2,
        List.of(city("Zurich", "ZH", 47.3769, 8.5417, 60, 2), city("Geneva", "GE", 46.2044, 6.1432, 60, 1),
            city("Basel", "BS", 47.5596, 7.5886, 60, 0.7)),
        List.of(isp("Swisscom (Schweiz) AG", 3303), isp("Sunrise GmbH", 6730), isp("Init7 (Switzerland) Ltd.", 13030)),
        List.of(mobile("Salt Mobile SA", 15796)));
    country("IN", Region.ASIA_PACIFIC, 8,
        List.of(city("Mumbai", "MH", 19.0760, 72.8777, 330, 3), city("Bengaluru", "KA", 12.9716, 77.5946, 330, 3),
            city("Delhi", "DL", 28.7041, 77.1025, 330, 3), city("Hyderabad", "TG", 17.3850, 78.4867, 330, 1.5)),
        List.of(isp("Bharti Airtel Ltd.", 24560), isp("Atria Convergence Technologies (ACT)", 24309), isp("BSNL", 9829)),
        List.of(mobile("Reliance Jio Infocomm Limited", 55836), mobile("Vodafone Idea Ltd", 38266)));
    country("JP", Region.ASIA_PACIFIC, 5,
        List.of(city("Tokyo", "13", 35.6762, 139.6503, 540, 4), city("Osaka", "27", 34.6937, 135.5023, 540, 2),
            city("Fukuoka", "40", 33.5904, 130.4017, 540, 0.8)),
        List.of(isp("NTT Communications Corporation", 4713), isp("KDDI Corporation", 2516), isp("SoftBank Corp.", 17676),
            isp("Sony Network Communications Inc.", 2527)),
        List.of(mobile("NTT DOCOMO, INC.", 9605)));
    country("KR", Region.ASIA_PACIFIC, 3,
        List.of(city("Seoul", "11", 37.5665, 126.9780, 540, 4), city("Busan", "26", 35.1796, 129.0756, 540, 1.5)),
        List.of(isp("Korea Telecom", 4766), isp("SK Broadband Co Ltd", 9318), isp("LG POWERCOMM", 17858)),
        List.of(mobile("SK Telecom", 9644)));
    country("SG", Region.ASIA_PACIFIC, 1.5,
        List.of(city("Singapore", "01", 1.3521, 103.8198, 480, 1)),
        List.of(isp("Singapore Telecommunications Ltd", 7473), isp("StarHub Ltd", 4657)),
        List.of(mobile("M1 Limited", 4773)));
    country("AU", Region.ASIA_PACIFIC, 4,
        List.of(city("Sydney", "NSW", -33.8688, 151.2093, 600, 3), city("Melbourne", "VIC", -37.8136, 144.9631, 600, 3),
            city("Brisbane", "QLD", -27.4698, 153.0251, 600, 1.5), city("Perth", "WA", -31.9505, 115.8605, 480, 1)),
        List.of(isp("Telstra Limited", 1221), isp("TPG Telecom Limited", 7545), isp("Aussie Broadband", 4764)),
        List.of(mobile("Optus Mobile", 4804)));
    country("ZA", Region.AFRICA, 2,
        List.of(city("Johannesburg", "GP", -26.2041, 28.0473, 120, 3), city("Cape Town", "WC", -33.9249, 18.4241, 120, 2),
            city("Durban", "KZN", -29.8587, 31.0218, 120, 1)),
        List.of(isp("Telkom SA Ltd.", 5713), isp("Afrihost", 37611)),
        List.of(mobile("Vodacom", 29975), mobile("MTN SA", 16637)));
    // Countries that only host servers and exit nodes in this world.
    country("FI", Region.EUROPE, 0, List.of(city("Helsinki", "18", 60.1699, 24.9384, 120, 0)), List.of(), List.of());
    country("RO", Region.EUROPE, 0, List.of(city("Bucharest", "B", 44.4268, 26.1025, 120, 0)), List.of(), List.of());
    country("CZ", Region.EUROPE, 0, List.of(city("Prague", "10", 50.0755, 14.4378, 60, 0)), List.of(), List.of());
    country("AT", Region.EUROPE, 0, List.of(city("Vienna", "9", 48.2082, 16.3738, 60, 0)), List.of(), List.of());

    List<Network> hosting = List.of(
        global(NetworkKind.HOSTING, "Amazon.com, Inc.", 16509, "US/Ashburn", "IE/Dublin", "DE/Frankfurt am Main",
            "SG/Singapore", "JP/Tokyo", "BR/Sao Paulo", "AU/Sydney", "US/Seattle"),
        global(NetworkKind.HOSTING, "DigitalOcean, LLC", 14061, "US/New York", "NL/Amsterdam", "DE/Frankfurt am Main",
            "IN/Bengaluru", "SG/Singapore", "GB/London", "CA/Toronto"),
        global(NetworkKind.HOSTING, "OVH SAS", 16276, "FR/Roubaix", "CA/Beauharnois", "DE/Frankfurt am Main", "PL/Warsaw"),
        global(NetworkKind.HOSTING, "Hetzner Online GmbH", 24940, "DE/Falkenstein", "FI/Helsinki", "US/Ashburn"),
        global(NetworkKind.HOSTING, "Microsoft Corporation", 8075, "NL/Amsterdam", "IE/Dublin", "US/Seattle", "SG/Singapore"),
        global(NetworkKind.HOSTING, "Google LLC", 396982, "US/Ashburn", "DE/Frankfurt am Main", "JP/Tokyo"),
        global(NetworkKind.HOSTING, "The Constant Company, LLC (Vultr)", 20473, "US/Los Angeles", "DE/Frankfurt am Main",
            "JP/Tokyo", "US/Miami"),
        global(NetworkKind.HOSTING, "Akamai Technologies, Inc. (Linode)", 63949, "US/New York", "GB/London", "IN/Mumbai"),
        global(NetworkKind.HOSTING, "Contabo GmbH", 51167, "DE/Munich", "US/Seattle"));
    List<Network> vpns = List.of(
        global(NetworkKind.ANONYMIZER, "M247 Europe SRL", 9009, "RO/Bucharest", "GB/London", "NL/Amsterdam", "US/New York",
            "US/Los Angeles"),
        global(NetworkKind.ANONYMIZER, "Datacamp Limited", 60068, "CZ/Prague", "DE/Frankfurt am Main", "US/Los Angeles",
            "SG/Singapore", "GB/London"),
        global(NetworkKind.ANONYMIZER, "Packethub S.A.", 207137, "GB/London", "NL/Amsterdam", "SE/Stockholm", "US/Miami"));
    List<Network> torExits = List.of(
        global(NetworkKind.ANONYMIZER, "Foundation for Applied Privacy", 208323, "AT/Vienna"),
        global(NetworkKind.ANONYMIZER, "Emerald Onion", 396507, "US/Seattle"));
    // Fictional employers. The first city of each is where its VPN concentrator egresses.
    List<Network> companies = List.of(
        global(NetworkKind.CORPORATE, "Globex Corporation", 394210, "US/Chicago", "US/Houston", "US/New York"),
        global(NetworkKind.CORPORATE, "Hooli Inc.", 395827, "US/Seattle", "US/Los Angeles", "CA/Vancouver"),
        global(NetworkKind.CORPORATE, "Initrode AG", 206417, "DE/Frankfurt am Main", "DE/Munich", "DE/Berlin", "CH/Zurich"),
        global(NetworkKind.CORPORATE, "Cyberdyne Systems Ltd", 204981, "GB/London", "GB/Manchester", "IE/Dublin"),
        global(NetworkKind.CORPORATE, "Soylent SA", 208766, "FR/Paris", "FR/Lyon", "ES/Madrid", "IT/Milan"),
        global(NetworkKind.CORPORATE, "Vandelay Industries B.V.", 209112, "NL/Amsterdam", "NL/Rotterdam", "SE/Stockholm",
            "PL/Warsaw"),
        global(NetworkKind.CORPORATE, "Massive Dynamic K.K.", 137455, "JP/Tokyo", "JP/Osaka", "KR/Seoul", "SG/Singapore"),
        global(NetworkKind.CORPORATE, "Wayne Enterprises Pty Ltd", 139877, "AU/Sydney", "AU/Melbourne"),
        global(NetworkKind.CORPORATE, "Stark Tecnologia Ltda", 268455, "BR/Sao Paulo", "BR/Rio de Janeiro", "MX/Mexico City"),
        global(NetworkKind.CORPORATE, "Tyrell Technologies Pvt Ltd", 140522, "IN/Mumbai", "IN/Bengaluru", "IN/Hyderabad"),
        global(NetworkKind.CORPORATE, "Oceanic Systems Inc.", 397311, "CA/Toronto", "CA/Montreal", "US/New York"),
        global(NetworkKind.CORPORATE, "Umbrella Pharma (Pty) Ltd", 328712, "ZA/Johannesburg", "ZA/Cape Town"));
    Network cloudProxy = global(NetworkKind.CORPORATE, "Zscaler, Inc.", 62044, "US/New York", "US/Los Angeles",
        "US/Chicago", "DE/Frankfurt am Main", "GB/London", "FR/Paris", "SG/Singapore", "IN/Mumbai", "JP/Tokyo",
        "AU/Sydney", "BR/Sao Paulo", "ZA/Johannesburg", "CA/Toronto");
    return new World(countries, hosting, vpns, torExits, companies, cloudProxy);
  }

  private void country(String code, Region region, double users, List<City> draftCities, List<Operator> isps,
      List<Operator> carriers) {
    List<City> placed = new ArrayList<>();
    for (City draft : draftCities) {
      City city = new City(draft.name(), code, draft.regionCode(), draft.lat(), draft.lon(),
          draft.utcOffsetMinutes(), draft.residents());
      placed.add(city);
      cities.put(code + "/" + city.name(), city);
    }
    List<City> inhabited = placed.stream().filter(city -> city.residents() > 0).toList();
    // Two blocks per city for broadband, so a targeted attacker can sit on the victim's ISP in the victim's
    // city and still come from a different network; one per city for carriers, whose pools are shared anyway.
    List<Network> residential = isps.stream().map(isp -> network(isp, region, inhabited, 2)).toList();
    List<Network> mobile = carriers.stream().map(carrier -> network(carrier, region, inhabited, 1)).toList();
    countries.add(new Country(code, region, users, placed, residential, mobile));
  }

  private Network network(Operator operator, Region region, List<City> in, int blocksPerCity) {
    List<Prefix> prefixes = new ArrayList<>();
    for (City city : in) {
      for (int i = 0; i < blocksPerCity; i++) {
        prefixes.add(prefix(operator, region, city));
      }
    }
    return new Network(operator.asOrg(), operator.asn(), operator.kind(), prefixes);
  }

  private Network global(NetworkKind kind, String asOrg, long asn, String... cityKeys) {
    Operator operator = new Operator(kind, asOrg, asn);
    List<Prefix> prefixes = new ArrayList<>();
    for (String key : cityKeys) {
      City city = cities.get(key);
      if (city == null) {
        throw new IllegalStateException("atlas names an unknown city: " + key);
      }
      prefixes.add(prefix(operator, Region.GLOBAL, city));
    }
    return new Network(asOrg, asn, kind, prefixes);
  }

  private Prefix prefix(Operator operator, Region region, City city) {
    int v4 = v4Next.merge(region, 1, Integer::sum) - 1;
    int v6 = v6Next.merge(region, 1, Integer::sum) - 1;
    Geo geo = new Geo(city.countryCode(), city.regionCode(), city.name(), city.lat(), city.lon(), operator.asn(),
        operator.asOrg());
    return new Prefix(region.v4Block(v4), region.v6Block(v6), city, geo);
  }
}
