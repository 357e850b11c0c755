//! Unit tests: every compiled frame decodes, and the build's parser
//! refuses what the data README does not describe.

use super::data;
use super::format;
use careers_data::official::parse::{self as p, Problem};

#[test]
fn every_block_and_index_chunk_decodes() {
    assert_eq!(data::BLOCK_FRAMES.len(), 830);
    for (i, soc) in data::OEWS.iter().enumerate() {
        assert_eq!(
            data::SOCS[data::SOC_CODES.binary_search(soc).expect("a code")].block,
            Some(i as u16)
        );
        let bytes = data::BLOCK_FRAMES.get(i).expect("block decompresses");
        assert!(format::decode_block(&bytes).is_some(), "{soc}");
        assert!(super::profile(soc).is_some(), "{soc}");
    }
    let mut titles = 0;
    for i in 0..data::TITLE_FRAMES.len() {
        let chunk = format::decode_titles(&data::TITLE_FRAMES.get(i).expect("chunk"))
            .expect("title chunk decodes");
        assert_eq!(
            crate::validate::normalize_name(&chunk[0].spellings[0]),
            data::TITLE_HEADS.get(i).expect("a head")
        );
        titles += chunk.len();
    }
    assert_eq!(titles, data::TITLE_COUNT);
    for i in 0..data::WORD_FRAMES.len() {
        let chunk = format::decode_words(&data::WORD_FRAMES.get(i).expect("chunk"))
            .expect("word chunk decodes");
        assert_eq!(Some(chunk[0].word.as_str()), data::WORD_HEADS.get(i));
    }
    assert_eq!(data::HITS.len() % 2, 0);
    assert_eq!(
        *data::TITLE_HIT_BASE.last().expect("bases") as usize,
        data::HITS.len() / 2
    );
}

#[test]
fn a_damaged_frame_gives_none_not_a_panic() {
    let f = &data::BLOCK_FRAMES;
    let (start, end) = (f.offsets[0] as usize, f.offsets[1] as usize);
    let mut frame = f.bytes[start..end].to_vec();
    let size = f.sizes[0] as usize;
    assert!(super::codec::decompress(&frame, f.dict, size).is_some());
    assert!(super::codec::decompress(&frame, f.dict, size + 1).is_none());
    assert!(super::codec::decompress(&frame[..frame.len() / 2], f.dict, size).is_none());
    let mid = frame.len() / 2;
    frame[mid] ^= 0xff;
    let damaged = super::codec::decompress(&frame, f.dict, size);
    assert!(damaged.is_none_or(|d| format::decode_block(&d).is_none_or(|b| b.onet.len() < 10)));
    assert!(super::codec::decompress(&[], f.dict, 10).is_none());
    assert!(super::codec::decompress(&f.bytes[start..end], &[1, 2, 3], size).is_none());
}

fn err<T>(r: p::Result<T>) -> String {
    match r {
        Ok(_) => panic!("parsed"),
        Err(Problem(m)) => m,
    }
}

const PROJ_HEAD: &str = "soc\ttitle\temployment_2024\temployment_2034\tchange_pct\topenings_per_year\tmedian_wage_2024\tentry_education\twork_experience\tjob_training\tmedian_wage_topcoded";
const CSR: &str = "43-4051\tCustomer service representatives\t2814000\t2660300\t-5.5\t341700\t42830\tHigh school diploma or equivalent\tNone\tShort-term on-the-job training\t0";

fn projections(lines: &[&str]) -> p::Result<Vec<p::ProjectionRow>> {
    let mut text = format!("{PROJ_HEAD}\n");
    for l in lines {
        text.push_str(l);
        text.push('\n');
    }
    p::parse_projections(&text)
}

#[test]
fn a_good_projection_parses_to_integers() {
    let rows = projections(&[CSR]).unwrap_or_else(|Problem(m)| panic!("{m}"));
    let r = &rows[0];
    assert_eq!(
        (r.employment_2024, r.employment_2034),
        (2_814_000, 2_660_300)
    );
    assert_eq!(r.change_tenths, -55);
    assert_eq!(
        (r.openings, r.median_wage, r.top_coded),
        (341_700, Some(42_830), false)
    );
    assert_eq!(r.education, super::Education::HighSchool);
    assert_eq!(r.training, super::Training::ShortTerm);
}

#[test]
fn malformed_projections_name_file_line_and_column() {
    let bad = |column: usize, value: &str| {
        let mut f: Vec<&str> = CSR.split('\t').collect();
        f[column] = value;
        err(projections(&[&f.join("\t")]))
    };
    assert_eq!(
        bad(4, "-5.50"),
        "projections.tsv:2: column `change_pct`: `-5.50` is not a number with one decimal"
    );
    assert!(bad(0, "43-405").starts_with("projections.tsv:2: column `soc`:"));
    assert!(bad(2, "2,814,000").starts_with("projections.tsv:2: column `employment_2024`:"));
    assert!(bad(2, "2814050").contains("not a multiple of 100"));
    assert!(bad(3, "").starts_with("projections.tsv:2: column `employment_2034`:"));
    assert!(bad(4, "5").starts_with("projections.tsv:2: column `change_pct`:"));
    assert!(bad(5, "-1").starts_with("projections.tsv:2: column `openings_per_year`:"));
    assert!(bad(6, "N/A").starts_with("projections.tsv:2: column `median_wage_2024`:"));
    assert!(bad(7, "High school").starts_with("projections.tsv:2: column `entry_education`:"));
    assert!(bad(8, "none").starts_with("projections.tsv:2: column `work_experience`:"));
    assert!(bad(9, "Apprentice").starts_with("projections.tsv:2: column `job_training`:"));
    assert!(bad(10, "2").starts_with("projections.tsv:2: column `median_wage_topcoded`:"));
    assert!(bad(10, "1").contains("a top-coded wage must be 239200"));
    assert!(
        bad(1, " Customer").starts_with("projections.tsv:2: column `title`: ` Customer` is padded")
    );
    assert!(err(projections(&[&CSR.replace("\t0", "")]))
        .starts_with("projections.tsv:2: column `job_training`: 10 fields, expected 11"));
    assert!(err(projections(&[&format!("{CSR}\r")]))
        .starts_with("projections.tsv:2: column `median_wage_topcoded`:"));
    assert!(err(projections(&[CSR, CSR])).starts_with("projections.tsv:3: column `soc`:"));
    assert!(err(p::parse_projections("soc\ttitle\n")).starts_with("projections.tsv:1: the header"));
    assert!(err(p::parse_projections(PROJ_HEAD)).contains("line feed"));
}

const OCC: &str = "onet_soc\tsoc\ttitle\tdescription\trelease\n\
    29-1141.00\t29-1141\tRegistered Nurses\tAssess patient health problems.\t29.1\n\
    29-1141.01\t29-1141\tAcute Care Nurses\tProvide care.\t29.1\n\
    15-1252.00\t15-1252\tSoftware Developers\tDevelop software.\t25.1\n";

#[test]
fn malformed_onet_tables_name_file_line_and_column() {
    let e = |text: &str| err(p::parse_occupations(text));
    assert!(e(OCC)
        .starts_with("onet_occupations.tsv:4: column `onet_soc`: `15-1252.00` is out of order"));
    let occ = OCC.replace("15-1252.00\t15-1252", "31-1252.00\t31-1252");
    let onet = p::parse_occupations(&occ).unwrap_or_else(|Problem(m)| panic!("{m}"));
    assert!(e(&occ.replace("\t29.1\n", "\t30.1\n"))
        .starts_with("onet_occupations.tsv:2: column `release`"));
    assert!(
        e(&occ.replace("29-1141.01\t29-1141", "29-1141.01\t29-1142"))
            .starts_with("onet_occupations.tsv:3: column `soc`")
    );
    assert!(e(&occ.replace("29-1141.00", "29-1141.0"))
        .starts_with("onet_occupations.tsv:2: column `onet_soc`"));
    let index = p::onet_index(&onet);

    let alt = |body: &str| {
        p::parse_alt_titles(&format!("onet_soc\tsoc\talt_title\n{body}"), &onet, &index)
    };
    assert!(alt("29-1141.00\t29-1141\tRN\n29-1141.00\t29-1141\tCharge Nurse\n").is_ok());
    assert_eq!(
        err(alt("29-1141.00\t29-1141\tRN\n29-1141.00\t29-1141\tRN\n")),
        "onet_alt_titles.tsv:3: column `alt_title`: `RN` is listed twice for 29-1141.00"
    );
    assert!(err(alt("29-1141.07\t29-1141\tRN\n"))
        .starts_with("onet_alt_titles.tsv:2: column `onet_soc`: `29-1141.07` is not in"));
    assert!(err(alt("31-1252.00\t31-1252\tCoder\n")).contains("comes from O*NET 25.1"));
    assert!(err(alt("29-1141.01\t29-1141\tA\n29-1141.00\t29-1141\tB\n")).contains("out of order"));
    assert!(err(alt("29-1141.00\t29-1141\t\n"))
        .starts_with("onet_alt_titles.tsv:2: column `alt_title`: is empty"));

    let related = |body: &str| {
        p::parse_related(
            &format!("onet_soc\tsoc\trelated_onet_soc\trelated_soc\trank\n{body}"),
            &onet,
            &index,
        )
    };
    assert!(related("29-1141.00\t29-1141\t29-1141.01\t29-1141\t1\n").is_ok());
    assert!(
        err(related("29-1141.00\t29-1141\t29-1141.01\t29-1141\t2\n"))
            .starts_with("onet_related.tsv:2: column `rank`")
    );
    assert!(
        err(related("29-1141.00\t29-1141\t29-1141.01\t29-1142\t1\n"))
            .starts_with("onet_related.tsv:2: column `related_soc`")
    );
    assert!(
        err(related("29-1141.00\t29-1141\t29-1141.00\t29-1141\t1\n"))
            .contains("the occupation itself")
    );

    let tasks = |body: &str| {
        p::parse_tasks(
            &format!("onet_soc\tsoc\ttask_id\ttask_type\tstatement\n{body}"),
            &onet,
            &index,
        )
    };
    let ok =
        tasks("29-1141.00\t29-1141\t5\tCore\tA \"quoted\" task.\n29-1141.00\t29-1141\t12\t\tB\n")
            .unwrap_or_else(|Problem(m)| panic!("{m}"));
    assert_eq!(ok[0][0].statement, "A \"quoted\" task.");
    assert_eq!(ok[0][1].kind, super::TaskKind::Unspecified);
    assert!(err(tasks("29-1141.00\t29-1141\t5\tcore\tA\n"))
        .starts_with("onet_tasks.tsv:2: column `task_type`"));
    assert!(err(tasks(
        "29-1141.00\t29-1141\t12\tCore\tA\n29-1141.00\t29-1141\t5\tCore\tB\n"
    ))
    .starts_with("onet_tasks.tsv:3: column `task_id`: `5` is out of order"));
    assert!(err(tasks(
        "29-1141.00\t29-1141\t5\tCore\tA\n29-1141.01\t29-1141\t5\tCore\tB\n"
    ))
    .starts_with("onet_tasks.tsv:3: column `task_id`: `5` appears twice"));

    let knowledge = |body: &str| {
        p::parse_knowledge(
            &format!("onet_soc\tsoc\tknowledge\timportance_0_100\n{body}"),
            &onet,
            &index,
        )
    };
    let row = |k: &str, v: u32| format!("29-1141.00\t29-1141\t{k}\t{v}\n");
    let fifteen: String = (0..15).map(|i| row(&format!("K{i:02}"), 90 - i)).collect();
    let (names, rows) = knowledge(&fifteen).unwrap_or_else(|Problem(m)| panic!("{m}"));
    assert_eq!((names.len(), rows[0].len(), rows[0][0]), (15, 15, (0, 90)));
    assert!(err(knowledge(&row("Medicine", 90))).contains("has 1 rows, expected 15"));
    assert!(err(knowledge(&(row("A", 50) + &row("B", 60)))).starts_with(
        "onet_knowledge.tsv:3: column `importance_0_100`: rows are not by importance"
    ));
    assert!(err(knowledge(&row("A", 19)))
        .starts_with("onet_knowledge.tsv:2: column `importance_0_100`: `19` is not 20 to 100"));
}

#[test]
fn malformed_skills_and_crosswalk_are_refused() {
    let names: Vec<String> = (0..35).map(|i| format!("Skill {i:02}")).collect();
    let rows = |soc: &str, value: &str| -> String {
        names
            .iter()
            .map(|n| format!("{soc}\t{n}\t{value}\n"))
            .collect()
    };
    let skills = |body: &str| p::parse_skills(&format!("soc\tskill\timportance\n{body}"));
    let (got, values) = skills(&rows("29-1141", "4.19")).unwrap_or_else(|Problem(m)| panic!("{m}"));
    assert_eq!((got.len(), values[0].1[0]), (35, 419));
    assert!(err(skills(&rows("29-1141", "4.1899999999999995")))
        .starts_with("onet_skills.tsv:2: column `importance`"));
    assert!(
        err(skills(&rows("29-1141", "5.01"))).starts_with("onet_skills.tsv:2: column `importance`")
    );
    assert!(
        err(skills(&rows("29-1141", "0.99"))).starts_with("onet_skills.tsv:2: column `importance`")
    );
    let short: String = rows("29-1141", "3.00")
        .lines()
        .take(34)
        .map(|l| format!("{l}\n"))
        .collect();
    assert!(err(skills(&short)).contains("the last SOC has 34 skills"));
    assert!(err(skills(&(short.clone() + &rows("29-1142", "3.00"))))
        .starts_with("onet_skills.tsv:36: column `soc`"));
    let swapped = rows("29-1141", "3.00").replacen("Skill 00", "Skill 99", 1);
    assert!(err(skills(&swapped))
        .starts_with("onet_skills.tsv:3: column `skill`: `Skill 01` is out of alphabetical order"));

    let onet = p::parse_occupations(
        "onet_soc\tsoc\ttitle\tdescription\trelease\n\
         13-1021.00\t13-1021\tBuyers, Farm\tD.\t29.1\n\
         13-1022.00\t13-1022\tBuyers, Retail\tD.\t29.1\n",
    )
    .unwrap_or_else(|Problem(m)| panic!("{m}"));
    let index = p::onet_index(&onet);
    let proj = projections(&[&CSR.replace("43-4051", "13-1020")])
        .unwrap_or_else(|Problem(m)| panic!("{m}"));
    let head = "soc\tbls_title\tin_oews\tonet_soc\tonet_title\tmatch\n";
    let cw = |body: &str| p::parse_crosswalk(&format!("{head}{body}"), &onet, &index, &proj);
    let good = "13-1020\tBuyers\t1\t13-1021.00\tBuyers, Farm\tbls_aggregate\n13-1020\tBuyers\t1\t13-1022.00\tBuyers, Retail\tbls_aggregate\n";
    assert_eq!(cw(good).map(|c| c.len()).unwrap_or(0), 2);
    assert!(err(cw(&good.replacen("bls_aggregate", "soc", 1)))
        .starts_with("soc_crosswalk.tsv:2: column `match`"));
    assert!(err(cw(&good.replacen("Buyers, Farm", "Buyers, farm", 1)))
        .starts_with("soc_crosswalk.tsv:2: column `onet_title`"));
    assert!(err(cw(&good.replacen("\t1\t13-1022", "\t0\t13-1022", 1)))
        .starts_with("soc_crosswalk.tsv:3: column `in_oews`"));
    assert!(
        err(cw(&good.replace("13-1020", "13-1030"))).contains("are not those of projections.tsv")
    );
}

/// How many frames of each of `frames` were decoded on this thread since
/// the last call.
fn decoded(frames: [&data::Frames; 3]) -> [usize; 3] {
    let all = data::DECODED.with(|d| std::mem::take(&mut *d.borrow_mut()));
    frames.map(|f| {
        let key = f as *const data::Frames as usize;
        all.iter().filter(|(k, _)| *k == key).count()
    })
}

#[test]
fn a_name_decodes_only_the_index_chunks_it_needs() {
    let catalog = crate::catalog::Catalog::bundled().expect("bundled");
    let frames = [&data::TITLE_FRAMES, &data::WORD_FRAMES, &data::BLOCK_FRAMES];
    let count = |name: &str| -> [usize; 3] {
        decoded(frames);
        assert!(catalog.resolve_index(name).is_ok(), "{name}");
        decoded(frames)
    };
    // An id, a code, a curated role's word: no chunk at all.
    assert_eq!(count("registered-nurses"), [0, 0, 0]);
    assert_eq!(count("29-1141"), [0, 0, 0]);
    assert_eq!(count("associate"), [0, 0, 0]);
    // A title: the chunk of each form tried (as typed; in the singular).
    assert_eq!(count("bank teller"), [1, 0, 0]);
    assert!(count("software engineers")[0] <= 2);
    // An acronym a title states: one word chunk, then the chunks of the
    // few titles that have the word.
    let [titles, words, blocks] = count("CNA");
    assert_eq!((words, blocks), (1, 0));
    assert!(titles <= 4 + 2, "{titles}");
    // Of the 52,000 titles, no scan.
    assert!(data::TITLE_FRAMES.len() > 500);
}
