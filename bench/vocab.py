"""Word lists for the benchmark corpus: organisations, places, programmes, titles, names, page noise.

Everything here is data written for the benchmark; no sentence comes from a real document.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Org:
    name: str            # full official Korean name
    short: str           # the form a story uses after the first mention
    type: str            # biohub OrgType
    english: str         # for appended machine translations
    head: str            # the title of its head (시장, 대표이사, 원장, ...)


def _org(name: str, short: str, type_: str, english: str, head: str) -> Org:
    return Org(name, short, type_, english, head)


CITIES: tuple[Org, ...] = (
    _org("인천광역시", "인천시", "government", "Incheon Metropolitan City", "시장"),
    _org("충청북도", "충북도", "government", "Chungcheongbuk-do Province", "도지사"),
    _org("대구광역시", "대구시", "government", "Daegu Metropolitan City", "시장"),
    _org("강원특별자치도", "강원도", "government", "Gangwon State", "도지사"),
    _org("경기도", "경기도", "government", "Gyeonggi Province", "도지사"),
    _org("시흥시", "시흥시", "government", "Siheung City", "시장"),
    _org("원주시", "원주시", "government", "Wonju City", "시장"),
    _org("청주시", "청주시", "government", "Cheongju City", "시장"),
    _org("부산광역시", "부산시", "government", "Busan Metropolitan City", "시장"),
    _org("전라남도", "전남도", "government", "Jeollanam-do Province", "도지사"),
    _org("경상북도", "경북도", "government", "Gyeongsangbuk-do Province", "도지사"),
    _org("대전광역시", "대전시", "government", "Daejeon Metropolitan City", "시장"),
    _org("세종특별자치시", "세종시", "government", "Sejong City", "시장"),
    _org("안동시", "안동시", "government", "Andong City", "시장"),
    _org("화순군", "화순군", "government", "Hwasun County", "군수"),
    _org("춘천시", "춘천시", "government", "Chuncheon City", "시장"),
)

MINISTRIES: tuple[Org, ...] = (
    _org("산업통상자원부", "산업부", "government", "Ministry of Trade, Industry and Energy", "장관"),
    _org("보건복지부", "복지부", "government", "Ministry of Health and Welfare", "장관"),
    _org("과학기술정보통신부", "과기정통부", "government", "Ministry of Science and ICT", "장관"),
    _org("중소벤처기업부", "중기부", "government", "Ministry of SMEs and Startups", "장관"),
    _org("식품의약품안전처", "식약처", "government", "Ministry of Food and Drug Safety", "처장"),
    _org("기획재정부", "기재부", "government", "Ministry of Economy and Finance", "장관"),
)

AGENCIES: tuple[Org, ...] = (
    _org("한국보건산업진흥원", "보건산업진흥원", "public_agency",
         "Korea Health Industry Development Institute", "원장"),
    _org("한국산업기술진흥원", "산업기술진흥원", "public_agency",
         "Korea Institute for Advancement of Technology", "원장"),
    _org("한국생명공학연구원", "생명연", "research",
         "Korea Research Institute of Bioscience and Biotechnology", "원장"),
    _org("한국화학연구원", "화학연", "research", "Korea Research Institute of Chemical Technology", "원장"),
    _org("인천테크노파크", "인천TP", "public_agency", "Incheon Technopark", "원장"),
    _org("충북테크노파크", "충북TP", "public_agency", "Chungbuk Technopark", "원장"),
    _org("대구경북첨단의료산업진흥재단", "케이메디허브", "public_agency", "K-Medi Hub", "이사장"),
    _org("오송첨단의료산업진흥재단", "오송재단", "public_agency", "Osong Medical Innovation Foundation", "이사장"),
    _org("한국바이오협회", "바이오협회", "association", "Korea Biotechnology Industry Organization", "회장"),
    _org("한국제약바이오협회", "제약바이오협회", "association",
         "Korea Pharmaceutical and Bio-Pharma Manufacturers Association", "회장"),
    _org("한국생산기술연구원", "생기원", "research", "Korea Institute of Industrial Technology", "원장"),
    _org("한국화학융합시험연구원", "KTR", "research", "Korea Testing and Research Institute", "원장"),
    _org("국가신약개발사업단", "신약개발사업단", "public_agency", "Korea Drug Development Fund", "단장"),
    _org("한국산업단지공단", "산단공", "public_agency", "Korea Industrial Complex Corporation", "이사장"),
    _org("인천경제자유구역청", "인천경제청", "government", "Incheon Free Economic Zone Authority", "청장"),
    _org("인천도시공사", "iH", "public_agency", "Incheon Housing and City Development Corporation", "사장"),
    _org("강원바이오에스티", "바이오에스티", "public_agency", "Gangwon Bio ST", "원장"),
    _org("원주의료기기테크노밸리", "의료기기테크노밸리", "public_agency",
         "Wonju Medical Industry Techno Valley", "원장"),
)

COMPANIES: tuple[Org, ...] = (
    _org("셀트리온", "셀트리온", "company", "Celltrion", "대표이사"),
    _org("삼성바이오로직스", "삼성바이오로직스", "company", "Samsung Biologics", "대표이사"),
    _org("롯데바이오로직스", "롯데바이오로직스", "company", "Lotte Biologics", "대표이사"),
    _org("SK바이오사이언스", "SK바이오사이언스", "company", "SK bioscience", "대표이사"),
    _org("GC녹십자", "녹십자", "company", "GC Biopharma", "대표이사"),
    _org("한미약품", "한미약품", "company", "Hanmi Pharmaceutical", "대표이사"),
    _org("유한양행", "유한양행", "company", "Yuhan Corporation", "대표이사"),
    _org("대웅제약", "대웅제약", "company", "Daewoong Pharmaceutical", "대표이사"),
    _org("종근당", "종근당", "company", "Chong Kun Dang", "대표이사"),
    _org("에스티팜", "에스티팜", "company", "ST Pharm", "대표이사"),
    _org("동아에스티", "동아에스티", "company", "Dong-A ST", "대표이사"),
    _org("에이비엘바이오", "에이비엘바이오", "company", "ABL Bio", "대표이사"),
    _org("알테오젠", "알테오젠", "company", "Alteogen", "대표이사"),
    _org("(주)한빛셀바이오", "한빛셀바이오", "company", "Hanbit Cell Bio", "대표"),
    _org("(주)송도진메디", "송도진메디", "company", "Songdo GenMedi", "대표"),
    _org("오송메디젠(주)", "오송메디젠", "company", "Osong Medigen", "대표"),
    _org("(주)바이오누리텍", "바이오누리텍", "company", "Bionuri Tech", "대표"),
    _org("(주)새봄바이오로직스", "새봄바이오로직스", "company", "Saebom Biologics", "대표"),
    _org("(주)라온큐어젠", "라온큐어젠", "company", "Raon Curegen", "대표"),
    _org("(주)다솜오가노이드", "다솜오가노이드", "company", "Dasom Organoid", "대표"),
)

UNIVERSITIES: tuple[Org, ...] = (
    _org("인하대학교", "인하대", "university", "Inha University", "총장"),
    _org("연세대학교", "연세대", "university", "Yonsei University", "총장"),
    _org("서울대학교", "서울대", "university", "Seoul National University", "총장"),
    _org("인천대학교", "인천대", "university", "Incheon National University", "총장"),
    _org("충북대학교", "충북대", "university", "Chungbuk National University", "총장"),
    _org("경북대학교", "경북대", "university", "Kyungpook National University", "총장"),
    _org("가천대학교", "가천대", "university", "Gachon University", "총장"),
    _org("고려대학교", "고려대", "university", "Korea University", "총장"),
    _org("강원대학교", "강원대", "university", "Kangwon National University", "총장"),
    _org("포항공과대학교", "포스텍", "university", "POSTECH", "총장"),
)

HOSPITALS: tuple[Org, ...] = (
    _org("인하대학교병원", "인하대병원", "hospital", "Inha University Hospital", "병원장"),
    _org("가천대 길병원", "길병원", "hospital", "Gachon University Gil Medical Center", "병원장"),
    _org("충북대학교병원", "충북대병원", "hospital", "Chungbuk National University Hospital", "병원장"),
    _org("경북대학교병원", "경북대병원", "hospital", "Kyungpook National University Hospital", "병원장"),
    _org("서울대학교병원", "서울대병원", "hospital", "Seoul National University Hospital", "병원장"),
    _org("강원대학교병원", "강원대병원", "hospital", "Kangwon National University Hospital", "병원장"),
)

COUNCILS: tuple[Org, ...] = (
    _org("인천 바이오헬스밸리 추진협의회", "추진협의회", "council", "Incheon Bio Health Valley Council", "위원장"),
    _org("바이오 클러스터 협의회", "클러스터 협의회", "council", "Bio Cluster Council", "위원장"),
    _org("인천-경기시흥 바이오 특화단지 추진단", "추진단", "council",
         "Incheon-Siheung Bio Complex Promotion Group", "단장"),
    _org("오송 바이오헬스 혁신협의회", "혁신협의회", "council", "Osong Bio Health Innovation Council", "위원장"),
    _org("대구 첨단의료 산학연 협의회", "산학연 협의회", "council", "Daegu Advanced Medical Council", "위원장"),
    _org("강원 디지털헬스케어 규제자유특구 추진단", "특구 추진단", "council",
         "Gangwon Digital Health Zone Group", "단장"),
)

OUTLETS: tuple[tuple[str, str, str], ...] = (  # name, file-name slug, e-mail domain
    ("바이오경제신문", "bio-economy", "bioeconomy.example.kr"),
    ("메디바이오포커스", "medibio-focus", "medibiofocus.example.kr"),
    ("경인투데이24", "gyeongin-today24", "gtoday24.example.kr"),
    ("청주타임즈24", "cheongju-times24", "cjtimes24.example.kr"),
    ("강원산업일보", "gangwon-industry", "gwindustry.example.kr"),
    ("송도데일리", "songdo-daily", "songdodaily.example.kr"),
    ("K바이오워치", "k-bio-watch", "kbiowatch.example.kr"),
    ("뉴스라인365", "newsline365", "newsline365.example.kr"),
    ("헬스케어저널", "healthcare-journal", "hcjournal.example.kr"),
    ("중부경제마당", "jungbu-econ", "jungbu.example.kr"),
    ("영남바이오뉴스", "yeongnam-bio", "ynbio.example.kr"),
    ("팜앤바이오", "pharm-and-bio", "pharmbio.example.kr"),
)

VENUES: tuple[str, ...] = (
    "송도컨벤시아 프리미어볼룸", "미추홀타워 대회의실", "시청 접견실", "도청 대회의실", "오송 C&V센터 국제회의장",
    "코엑스 그랜드볼룸", "엑스코 컨벤션홀", "벡스코 제2전시장", "킨텍스 제1전시장", "인천테크노파크 IT센터 회의실",
    "바이오공정 인력양성센터 강당", "연구원 대강당", "정부세종청사 영상회의실", "서울 여의도 전경련회관 컨퍼런스센터",
    "원주 의료기기종합지원센터 세미나실", "시흥시청 글로벌센터", "대전컨벤션센터 그랜드홀", "청주 오스코 전시장",
)

TOPICS: tuple[tuple[str, str], ...] = (  # Korean, English
    ("바이오의약품 위탁개발생산(CDMO)", "biopharmaceutical CDMO"),
    ("세포·유전자치료제", "cell and gene therapy"),
    ("첨단재생의료", "advanced regenerative medicine"),
    ("디지털헬스케어", "digital healthcare"),
    ("백신 자급화", "vaccine self-sufficiency"),
    ("바이오 소재·부품·장비", "bio materials, parts and equipment"),
    ("바이오공정 전문인력 양성", "bioprocess workforce training"),
    ("오가노이드 기반 신약 평가", "organoid-based drug evaluation"),
    ("항체-약물접합체(ADC)", "antibody-drug conjugates"),
    ("mRNA 플랫폼", "mRNA platforms"),
    ("의료기기 임상시험", "medical device clinical trials"),
    ("인공지능(AI) 신약개발", "AI drug discovery"),
    ("마이크로바이옴", "microbiome"),
    ("바이오 스타트업 육성", "bio start-up incubation"),
)

PROGRAMMES: tuple[tuple[str, str], ...] = (
    ("K-바이오 랩허브", "K-Bio Lab Hub"),
    ("국가첨단전략산업 바이오 특화단지", "national strategic bio industry complex"),
    ("바이오헬스 규제자유특구", "bio health regulation-free zone"),
    ("바이오공정 인력양성센터", "bioprocess training center"),
    ("첨단의료복합단지", "advanced medical complex"),
    ("바이오 소부장 특화단지", "bio parts and materials complex"),
    ("글로벌 혁신특구", "global innovation zone"),
    ("지역혁신 선도기업 육성사업", "regional innovation leader programme"),
    ("바이오 창업 보육센터", "bio start-up incubator"),
)

EXPOS: tuple[str, ...] = (
    "바이오코리아", "제약바이오 투자대전", "국제 바이오헬스 포럼", "첨단의료산업 박람회", "바이오 스타트업 데모데이",
    "오송 화장품·뷰티 엑스포", "메디컬 코리아 콘퍼런스", "디지털헬스케어 위크", "바이오 소부장 기술교류회",
)

SURNAMES: tuple[str, ...] = tuple("김이박최정강조윤장임한오서신권황안송류홍전고문손양배백허노남심")
GIVEN: tuple[str, ...] = tuple("민서준영현지수우호성진재석경희태상훈동원혜은미철용기규승연하윤나선병필")

STAFF_TITLES: dict[str, tuple[str, ...]] = {
    "government": ("부시장", "경제부지사", "미래산업국장", "바이오산업과장", "투자유치과장", "정책관", "차관"),
    "company": ("부사장", "전무", "상무", "연구소장", "공장장"),
    "university": ("부총장", "산학협력단장", "약학대학장", "교수"),
    "hospital": ("진료부원장", "임상시험센터장", "교수"),
    "public_agency": ("본부장", "센터장", "팀장"),
    "research": ("부원장", "센터장", "책임연구원"),
    "association": ("부회장", "상무이사"),
    "council": ("부위원장", "간사"),
}

WEATHER: tuple[str, ...] = ("맑음", "흐림", "구름많음", "구름조금", "비", "눈", "박무", "연무", "소나기")
WEATHER_PLACES: tuple[str, ...] = ("서울", "인천", "수원", "청주", "대전", "대구", "부산", "광주", "춘천", "강릉")

MENU_LINES: tuple[str, ...] = (
    "본문 바로가기", "주메뉴 바로가기", "전체메뉴", "검색", "로그인", "회원가입", "구독신청", "기사제보", "전체기사",
)
SHARE_LINES: tuple[str, ...] = ("인쇄", "스크랩", "공유", "페이스북", "트위터", "카카오톡", "URL복사", "글씨키우기")

OTHER_HEADLINES: tuple[str, ...] = (
    "도심 공원 야간 개방 시간 연장…주민 의견 반영",
    "지역 전통시장 주말 할인 행사 다음 달까지 이어져",
    "초등학교 돌봄교실 신청 마감 임박",
    "시내버스 노선 개편안 공청회 열려",
    "해안 산책로 일부 구간 보수 공사로 통제",
    "청년 창업 지원금 2차 모집 시작",
    "가을 축제 교통 혼잡 예상…대중교통 이용 당부",
    "도서관 독서 프로그램 참가자 모집",
    "프로야구 지역 연고팀 연승 행진",
    "겨울철 난방비 지원 대상 확대",
    "농산물 직거래 장터 시청 앞 광장서 개최",
    "노후 상수관 교체 사업 착공",
    "지역 화가 초대전 시립미술관서 개막",
    "자전거 도로 확충 계획 발표",
    "전기차 충전소 100곳 추가 설치",
)

ENGLISH_NOTE = "※ This English text was produced by machine translation and may contain errors."
