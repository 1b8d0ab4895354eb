//! ISO-4217 currencies and their minor-unit exponents. Money is stored as an integer
//! count of minor units, so the exponent is part of what an amount means.

use serde::{Deserialize, Serialize};

/// One active ISO-4217 currency.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Currency {
    /// Three upper-case letters.
    pub code: &'static str,
    /// Digits after the decimal separator in the minor unit (JPY 0, USD 2, KWD 3).
    pub exponent: u8,
    /// English name, for pickers.
    pub name: &'static str,
}

/// A validated currency code, as stored with every amount.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CurrencyCode(String);

impl CurrencyCode {
    /// Accepts any case and surrounding spaces; refuses codes that are not active ISO-4217.
    pub fn parse(raw: &str) -> Option<Self> {
        find(raw).map(|c| Self(c.code.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn currency(&self) -> Currency {
        // Invariant: a CurrencyCode is only built from a code found in ALL.
        find(&self.0).unwrap_or(ALL[0])
    }
}

/// Looks a code up, ignoring case and surrounding spaces.
pub fn find(raw: &str) -> Option<Currency> {
    let code = raw.trim().to_ascii_uppercase();
    ALL.binary_search_by(|c| c.code.cmp(code.as_str()))
        .ok()
        .map(|i| ALL[i])
}

/// Active ISO-4217 currencies, sorted by code (funds and precious metals left out).
pub const ALL: &[Currency] = &[
    Currency {
        code: "AED",
        exponent: 2,
        name: "UAE dirham",
    },
    Currency {
        code: "AFN",
        exponent: 2,
        name: "Afghan afghani",
    },
    Currency {
        code: "ALL",
        exponent: 2,
        name: "Albanian lek",
    },
    Currency {
        code: "AMD",
        exponent: 2,
        name: "Armenian dram",
    },
    Currency {
        code: "ANG",
        exponent: 2,
        name: "Netherlands Antillean guilder",
    },
    Currency {
        code: "AOA",
        exponent: 2,
        name: "Angolan kwanza",
    },
    Currency {
        code: "ARS",
        exponent: 2,
        name: "Argentine peso",
    },
    Currency {
        code: "AUD",
        exponent: 2,
        name: "Australian dollar",
    },
    Currency {
        code: "AWG",
        exponent: 2,
        name: "Aruban florin",
    },
    Currency {
        code: "AZN",
        exponent: 2,
        name: "Azerbaijani manat",
    },
    Currency {
        code: "BAM",
        exponent: 2,
        name: "Bosnia and Herzegovina convertible mark",
    },
    Currency {
        code: "BBD",
        exponent: 2,
        name: "Barbados dollar",
    },
    Currency {
        code: "BDT",
        exponent: 2,
        name: "Bangladeshi taka",
    },
    Currency {
        code: "BGN",
        exponent: 2,
        name: "Bulgarian lev",
    },
    Currency {
        code: "BHD",
        exponent: 3,
        name: "Bahraini dinar",
    },
    Currency {
        code: "BIF",
        exponent: 0,
        name: "Burundian franc",
    },
    Currency {
        code: "BMD",
        exponent: 2,
        name: "Bermudian dollar",
    },
    Currency {
        code: "BND",
        exponent: 2,
        name: "Brunei dollar",
    },
    Currency {
        code: "BOB",
        exponent: 2,
        name: "Boliviano",
    },
    Currency {
        code: "BRL",
        exponent: 2,
        name: "Brazilian real",
    },
    Currency {
        code: "BSD",
        exponent: 2,
        name: "Bahamian dollar",
    },
    Currency {
        code: "BTN",
        exponent: 2,
        name: "Bhutanese ngultrum",
    },
    Currency {
        code: "BWP",
        exponent: 2,
        name: "Botswana pula",
    },
    Currency {
        code: "BYN",
        exponent: 2,
        name: "Belarusian ruble",
    },
    Currency {
        code: "BZD",
        exponent: 2,
        name: "Belize dollar",
    },
    Currency {
        code: "CAD",
        exponent: 2,
        name: "Canadian dollar",
    },
    Currency {
        code: "CDF",
        exponent: 2,
        name: "Congolese franc",
    },
    Currency {
        code: "CHF",
        exponent: 2,
        name: "Swiss franc",
    },
    Currency {
        code: "CLP",
        exponent: 0,
        name: "Chilean peso",
    },
    Currency {
        code: "CNY",
        exponent: 2,
        name: "Chinese yuan",
    },
    Currency {
        code: "COP",
        exponent: 2,
        name: "Colombian peso",
    },
    Currency {
        code: "CRC",
        exponent: 2,
        name: "Costa Rican colón",
    },
    Currency {
        code: "CUP",
        exponent: 2,
        name: "Cuban peso",
    },
    Currency {
        code: "CVE",
        exponent: 2,
        name: "Cape Verdean escudo",
    },
    Currency {
        code: "CZK",
        exponent: 2,
        name: "Czech koruna",
    },
    Currency {
        code: "DJF",
        exponent: 0,
        name: "Djiboutian franc",
    },
    Currency {
        code: "DKK",
        exponent: 2,
        name: "Danish krone",
    },
    Currency {
        code: "DOP",
        exponent: 2,
        name: "Dominican peso",
    },
    Currency {
        code: "DZD",
        exponent: 2,
        name: "Algerian dinar",
    },
    Currency {
        code: "EGP",
        exponent: 2,
        name: "Egyptian pound",
    },
    Currency {
        code: "ERN",
        exponent: 2,
        name: "Eritrean nakfa",
    },
    Currency {
        code: "ETB",
        exponent: 2,
        name: "Ethiopian birr",
    },
    Currency {
        code: "EUR",
        exponent: 2,
        name: "Euro",
    },
    Currency {
        code: "FJD",
        exponent: 2,
        name: "Fiji dollar",
    },
    Currency {
        code: "FKP",
        exponent: 2,
        name: "Falkland Islands pound",
    },
    Currency {
        code: "GBP",
        exponent: 2,
        name: "Pound sterling",
    },
    Currency {
        code: "GEL",
        exponent: 2,
        name: "Georgian lari",
    },
    Currency {
        code: "GHS",
        exponent: 2,
        name: "Ghanaian cedi",
    },
    Currency {
        code: "GIP",
        exponent: 2,
        name: "Gibraltar pound",
    },
    Currency {
        code: "GMD",
        exponent: 2,
        name: "Gambian dalasi",
    },
    Currency {
        code: "GNF",
        exponent: 0,
        name: "Guinean franc",
    },
    Currency {
        code: "GTQ",
        exponent: 2,
        name: "Guatemalan quetzal",
    },
    Currency {
        code: "GYD",
        exponent: 2,
        name: "Guyanese dollar",
    },
    Currency {
        code: "HKD",
        exponent: 2,
        name: "Hong Kong dollar",
    },
    Currency {
        code: "HNL",
        exponent: 2,
        name: "Honduran lempira",
    },
    Currency {
        code: "HTG",
        exponent: 2,
        name: "Haitian gourde",
    },
    Currency {
        code: "HUF",
        exponent: 2,
        name: "Hungarian forint",
    },
    Currency {
        code: "IDR",
        exponent: 2,
        name: "Indonesian rupiah",
    },
    Currency {
        code: "ILS",
        exponent: 2,
        name: "Israeli new shekel",
    },
    Currency {
        code: "INR",
        exponent: 2,
        name: "Indian rupee",
    },
    Currency {
        code: "IQD",
        exponent: 3,
        name: "Iraqi dinar",
    },
    Currency {
        code: "IRR",
        exponent: 2,
        name: "Iranian rial",
    },
    Currency {
        code: "ISK",
        exponent: 0,
        name: "Icelandic króna",
    },
    Currency {
        code: "JMD",
        exponent: 2,
        name: "Jamaican dollar",
    },
    Currency {
        code: "JOD",
        exponent: 3,
        name: "Jordanian dinar",
    },
    Currency {
        code: "JPY",
        exponent: 0,
        name: "Japanese yen",
    },
    Currency {
        code: "KES",
        exponent: 2,
        name: "Kenyan shilling",
    },
    Currency {
        code: "KGS",
        exponent: 2,
        name: "Kyrgyzstani som",
    },
    Currency {
        code: "KHR",
        exponent: 2,
        name: "Cambodian riel",
    },
    Currency {
        code: "KMF",
        exponent: 0,
        name: "Comoro franc",
    },
    Currency {
        code: "KPW",
        exponent: 2,
        name: "North Korean won",
    },
    Currency {
        code: "KRW",
        exponent: 0,
        name: "South Korean won",
    },
    Currency {
        code: "KWD",
        exponent: 3,
        name: "Kuwaiti dinar",
    },
    Currency {
        code: "KYD",
        exponent: 2,
        name: "Cayman Islands dollar",
    },
    Currency {
        code: "KZT",
        exponent: 2,
        name: "Kazakhstani tenge",
    },
    Currency {
        code: "LAK",
        exponent: 2,
        name: "Lao kip",
    },
    Currency {
        code: "LBP",
        exponent: 2,
        name: "Lebanese pound",
    },
    Currency {
        code: "LKR",
        exponent: 2,
        name: "Sri Lankan rupee",
    },
    Currency {
        code: "LRD",
        exponent: 2,
        name: "Liberian dollar",
    },
    Currency {
        code: "LSL",
        exponent: 2,
        name: "Lesotho loti",
    },
    Currency {
        code: "LYD",
        exponent: 3,
        name: "Libyan dinar",
    },
    Currency {
        code: "MAD",
        exponent: 2,
        name: "Moroccan dirham",
    },
    Currency {
        code: "MDL",
        exponent: 2,
        name: "Moldovan leu",
    },
    Currency {
        code: "MGA",
        exponent: 2,
        name: "Malagasy ariary",
    },
    Currency {
        code: "MKD",
        exponent: 2,
        name: "Macedonian denar",
    },
    Currency {
        code: "MMK",
        exponent: 2,
        name: "Myanmar kyat",
    },
    Currency {
        code: "MNT",
        exponent: 2,
        name: "Mongolian tögrög",
    },
    Currency {
        code: "MOP",
        exponent: 2,
        name: "Macanese pataca",
    },
    Currency {
        code: "MRU",
        exponent: 2,
        name: "Mauritanian ouguiya",
    },
    Currency {
        code: "MUR",
        exponent: 2,
        name: "Mauritian rupee",
    },
    Currency {
        code: "MVR",
        exponent: 2,
        name: "Maldivian rufiyaa",
    },
    Currency {
        code: "MWK",
        exponent: 2,
        name: "Malawian kwacha",
    },
    Currency {
        code: "MXN",
        exponent: 2,
        name: "Mexican peso",
    },
    Currency {
        code: "MYR",
        exponent: 2,
        name: "Malaysian ringgit",
    },
    Currency {
        code: "MZN",
        exponent: 2,
        name: "Mozambican metical",
    },
    Currency {
        code: "NAD",
        exponent: 2,
        name: "Namibian dollar",
    },
    Currency {
        code: "NGN",
        exponent: 2,
        name: "Nigerian naira",
    },
    Currency {
        code: "NIO",
        exponent: 2,
        name: "Nicaraguan córdoba",
    },
    Currency {
        code: "NOK",
        exponent: 2,
        name: "Norwegian krone",
    },
    Currency {
        code: "NPR",
        exponent: 2,
        name: "Nepalese rupee",
    },
    Currency {
        code: "NZD",
        exponent: 2,
        name: "New Zealand dollar",
    },
    Currency {
        code: "OMR",
        exponent: 3,
        name: "Omani rial",
    },
    Currency {
        code: "PAB",
        exponent: 2,
        name: "Panamanian balboa",
    },
    Currency {
        code: "PEN",
        exponent: 2,
        name: "Peruvian sol",
    },
    Currency {
        code: "PGK",
        exponent: 2,
        name: "Papua New Guinean kina",
    },
    Currency {
        code: "PHP",
        exponent: 2,
        name: "Philippine peso",
    },
    Currency {
        code: "PKR",
        exponent: 2,
        name: "Pakistani rupee",
    },
    Currency {
        code: "PLN",
        exponent: 2,
        name: "Polish złoty",
    },
    Currency {
        code: "PYG",
        exponent: 0,
        name: "Paraguayan guaraní",
    },
    Currency {
        code: "QAR",
        exponent: 2,
        name: "Qatari riyal",
    },
    Currency {
        code: "RON",
        exponent: 2,
        name: "Romanian leu",
    },
    Currency {
        code: "RSD",
        exponent: 2,
        name: "Serbian dinar",
    },
    Currency {
        code: "RUB",
        exponent: 2,
        name: "Russian ruble",
    },
    Currency {
        code: "RWF",
        exponent: 0,
        name: "Rwandan franc",
    },
    Currency {
        code: "SAR",
        exponent: 2,
        name: "Saudi riyal",
    },
    Currency {
        code: "SBD",
        exponent: 2,
        name: "Solomon Islands dollar",
    },
    Currency {
        code: "SCR",
        exponent: 2,
        name: "Seychelles rupee",
    },
    Currency {
        code: "SDG",
        exponent: 2,
        name: "Sudanese pound",
    },
    Currency {
        code: "SEK",
        exponent: 2,
        name: "Swedish krona",
    },
    Currency {
        code: "SGD",
        exponent: 2,
        name: "Singapore dollar",
    },
    Currency {
        code: "SHP",
        exponent: 2,
        name: "Saint Helena pound",
    },
    Currency {
        code: "SLE",
        exponent: 2,
        name: "Sierra Leonean leone",
    },
    Currency {
        code: "SOS",
        exponent: 2,
        name: "Somali shilling",
    },
    Currency {
        code: "SRD",
        exponent: 2,
        name: "Surinamese dollar",
    },
    Currency {
        code: "SSP",
        exponent: 2,
        name: "South Sudanese pound",
    },
    Currency {
        code: "STN",
        exponent: 2,
        name: "São Tomé and Príncipe dobra",
    },
    Currency {
        code: "SVC",
        exponent: 2,
        name: "Salvadoran colón",
    },
    Currency {
        code: "SYP",
        exponent: 2,
        name: "Syrian pound",
    },
    Currency {
        code: "SZL",
        exponent: 2,
        name: "Swazi lilangeni",
    },
    Currency {
        code: "THB",
        exponent: 2,
        name: "Thai baht",
    },
    Currency {
        code: "TJS",
        exponent: 2,
        name: "Tajikistani somoni",
    },
    Currency {
        code: "TMT",
        exponent: 2,
        name: "Turkmenistan manat",
    },
    Currency {
        code: "TND",
        exponent: 3,
        name: "Tunisian dinar",
    },
    Currency {
        code: "TOP",
        exponent: 2,
        name: "Tongan paʻanga",
    },
    Currency {
        code: "TRY",
        exponent: 2,
        name: "Turkish lira",
    },
    Currency {
        code: "TTD",
        exponent: 2,
        name: "Trinidad and Tobago dollar",
    },
    Currency {
        code: "TWD",
        exponent: 2,
        name: "New Taiwan dollar",
    },
    Currency {
        code: "TZS",
        exponent: 2,
        name: "Tanzanian shilling",
    },
    Currency {
        code: "UAH",
        exponent: 2,
        name: "Ukrainian hryvnia",
    },
    Currency {
        code: "UGX",
        exponent: 0,
        name: "Ugandan shilling",
    },
    Currency {
        code: "USD",
        exponent: 2,
        name: "United States dollar",
    },
    Currency {
        code: "UYU",
        exponent: 2,
        name: "Uruguayan peso",
    },
    Currency {
        code: "UZS",
        exponent: 2,
        name: "Uzbekistan sum",
    },
    Currency {
        code: "VES",
        exponent: 2,
        name: "Venezuelan bolívar soberano",
    },
    Currency {
        code: "VND",
        exponent: 0,
        name: "Vietnamese đồng",
    },
    Currency {
        code: "VUV",
        exponent: 0,
        name: "Vanuatu vatu",
    },
    Currency {
        code: "WST",
        exponent: 2,
        name: "Samoan tala",
    },
    Currency {
        code: "XAF",
        exponent: 0,
        name: "CFA franc BEAC",
    },
    Currency {
        code: "XCD",
        exponent: 2,
        name: "East Caribbean dollar",
    },
    Currency {
        code: "XOF",
        exponent: 0,
        name: "CFA franc BCEAO",
    },
    Currency {
        code: "XPF",
        exponent: 0,
        name: "CFP franc",
    },
    Currency {
        code: "YER",
        exponent: 2,
        name: "Yemeni rial",
    },
    Currency {
        code: "ZAR",
        exponent: 2,
        name: "South African rand",
    },
    Currency {
        code: "ZMW",
        exponent: 2,
        name: "Zambian kwacha",
    },
    Currency {
        code: "ZWG",
        exponent: 2,
        name: "Zimbabwe Gold",
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_and_unique_so_binary_search_is_sound() {
        for pair in ALL.windows(2) {
            assert!(
                pair[0].code < pair[1].code,
                "{} before {}",
                pair[0].code,
                pair[1].code
            );
        }
    }

    #[test]
    fn codes_are_three_upper_case_letters() {
        for c in ALL {
            assert!(c.code.len() == 3 && c.code.chars().all(|ch| ch.is_ascii_uppercase()));
        }
    }

    #[test]
    fn exponents_match_iso_4217() {
        assert_eq!(find("JPY").map(|c| c.exponent), Some(0));
        assert_eq!(find("USD").map(|c| c.exponent), Some(2));
        assert_eq!(find("INR").map(|c| c.exponent), Some(2));
        assert_eq!(find("KWD").map(|c| c.exponent), Some(3));
        assert_eq!(find("BHD").map(|c| c.exponent), Some(3));
        assert_eq!(find("ISK").map(|c| c.exponent), Some(0));
    }

    #[test]
    fn lookup_ignores_case_and_spaces_and_refuses_unknown_codes() {
        assert_eq!(
            CurrencyCode::parse(" eur ").map(|c| c.0),
            Some("EUR".to_owned())
        );
        assert_eq!(CurrencyCode::parse("XXX"), None);
        assert_eq!(CurrencyCode::parse(""), None);
        assert_eq!(CurrencyCode::parse("EURO"), None);
    }
}
