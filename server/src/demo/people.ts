// The demo's people: at least one user in each agency of `directory.ts`, with the operation's
// planner, contact points and reviewers named in a comment where their role matters to the demo.
//
// The people are fictional: every address is at the `.demo` top-level domain and no name is meant to
// refer to a real person. Pure data: no functions, no logic.

export interface DemoUser {
  email: string;
  displayName: string;
  agencyKey: string;
  locale: 'en' | 'fr';
  isAdmin: boolean;
  timeZone: string;
}

// prettier-ignore
export const DEMO_USERS: readonly DemoUser[] = [
  // Platform administration and international organisations
  {
    email: 'admin@jointops.demo',
    displayName: 'Platform Administrator',
    agencyKey: 'JOINTOPS',
    locale: 'en',
    isAdmin: true,
    timeZone: 'UTC',
  },
  { email: 'planner@wco.demo', displayName: 'Amélie Laurent', agencyKey: 'WCO', locale: 'fr', isAdmin: false, timeZone: 'Europe/Brussels' }, // coordinator of the demo operation
  {
    email: 'analyst@wco.demo',
    displayName: 'Pieter Vandenberghe',
    agencyKey: 'WCO',
    locale: 'en',
    isAdmin: false,
    timeZone: 'Europe/Brussels',
  }, // post-operation reviewer
  {
    email: 'coordinator@interpol.demo',
    displayName: 'Claire Donnelly',
    agencyKey: 'INTERPOL',
    locale: 'en',
    isAdmin: false,
    timeZone: 'Europe/Paris',
  },

  // Afghanistan
  {
    email: 'ncp@customs.af.demo',
    displayName: 'Ahmad Farid Noorzai',
    agencyKey: 'AF-CUSTOMS',
    locale: 'en',
    isAdmin: false,
    timeZone: 'Asia/Kabul',
  },
  {
    email: 'ncp@ncb.af.demo',
    displayName: 'Mohammad Wali Sadat',
    agencyKey: 'AF-NCB',
    locale: 'en',
    isAdmin: false,
    timeZone: 'Asia/Kabul',
  },
  // Bangladesh
  {
    email: 'ncp@customs.bd.demo',
    displayName: 'Farhana Akter Munni',
    agencyKey: 'BD-CUSTOMS',
    locale: 'en',
    isAdmin: false,
    timeZone: 'Asia/Dhaka',
  },
  {
    email: 'ncp@ncb.bd.demo',
    displayName: 'Md. Tanvir Hossain',
    agencyKey: 'BD-NCB',
    locale: 'en',
    isAdmin: false,
    timeZone: 'Asia/Dhaka',
  },
  // Brunei Darussalam
  {
    email: 'ncp@customs.bn.demo',
    displayName: 'Nurul Syazwani binti Haji Rosli',
    agencyKey: 'BN-CUSTOMS',
    locale: 'en',
    isAdmin: false,
    timeZone: 'Asia/Brunei',
  },
  {
    email: 'ncp@ncb.bn.demo',
    displayName: 'Mohd Hazim bin Awang Tengah',
    agencyKey: 'BN-NCB',
    locale: 'en',
    isAdmin: false,
    timeZone: 'Asia/Brunei',
  },
  // Indonesia
  {
    email: 'ncp@customs.id.demo',
    displayName: 'Rina Kusumawardani',
    agencyKey: 'ID-CUSTOMS',
    locale: 'en',
    isAdmin: false,
    timeZone: 'Asia/Jakarta',
  },
  {
    email: 'officer@customs.id.demo',
    displayName: 'I Made Arya Wirawan',
    agencyKey: 'ID-CUSTOMS',
    locale: 'en',
    isAdmin: false,
    timeZone: 'Asia/Jakarta',
  },
  {
    email: 'ncp@ncb.id.demo',
    displayName: 'Bayu Prasetyo Nugroho',
    agencyKey: 'ID-NCB',
    locale: 'en',
    isAdmin: false,
    timeZone: 'Asia/Jakarta',
  },
  // India
  {
    email: 'ncp@customs.in.demo',
    displayName: 'Priya Raghunathan',
    agencyKey: 'IN-CUSTOMS',
    locale: 'en',
    isAdmin: false,
    timeZone: 'Asia/Kolkata',
  },
  {
    email: 'officer@customs.in.demo',
    displayName: 'Sandeep Kulkarni',
    agencyKey: 'IN-CUSTOMS',
    locale: 'en',
    isAdmin: false,
    timeZone: 'Asia/Kolkata',
  },
  { email: 'ncp@ncb.in.demo', displayName: 'Arvind Menon', agencyKey: 'IN-NCB', locale: 'en', isAdmin: false, timeZone: 'Asia/Kolkata' },
  // Cambodia
  {
    email: 'ncp@customs.kh.demo',
    displayName: 'Sok Chanthorn',
    agencyKey: 'KH-CUSTOMS',
    locale: 'en',
    isAdmin: false,
    timeZone: 'Asia/Phnom_Penh',
  },
  {
    email: 'ncp@ncb.kh.demo',
    displayName: 'Chea Sovannarith',
    agencyKey: 'KH-NCB',
    locale: 'en',
    isAdmin: false,
    timeZone: 'Asia/Phnom_Penh',
  },
  // Lao People's Democratic Republic
  {
    email: 'ncp@customs.la.demo',
    displayName: 'Khamla Phommachanh',
    agencyKey: 'LA-CUSTOMS',
    locale: 'en',
    isAdmin: false,
    timeZone: 'Asia/Vientiane',
  },
  {
    email: 'ncp@ncb.la.demo',
    displayName: 'Souksavanh Inthavong',
    agencyKey: 'LA-NCB',
    locale: 'en',
    isAdmin: false,
    timeZone: 'Asia/Vientiane',
  },
  // Sri Lanka
  {
    email: 'ncp@customs.lk.demo',
    displayName: 'Dilani Wickramaratne',
    agencyKey: 'LK-CUSTOMS',
    locale: 'en',
    isAdmin: false,
    timeZone: 'Asia/Colombo',
  },
  {
    email: 'ncp@ncb.lk.demo',
    displayName: 'Chaminda Jayasekara',
    agencyKey: 'LK-NCB',
    locale: 'en',
    isAdmin: false,
    timeZone: 'Asia/Colombo',
  },
  // Myanmar
  {
    email: 'ncp@customs.mm.demo',
    displayName: 'Khin Myat Thwe',
    agencyKey: 'MM-CUSTOMS',
    locale: 'en',
    isAdmin: false,
    timeZone: 'Asia/Yangon',
  },
  { email: 'ncp@ncb.mm.demo', displayName: 'Aung Kyaw Zin', agencyKey: 'MM-NCB', locale: 'en', isAdmin: false, timeZone: 'Asia/Yangon' },
  // Maldives
  {
    email: 'ncp@customs.mv.demo',
    displayName: 'Aishath Nazeeha',
    agencyKey: 'MV-CUSTOMS',
    locale: 'en',
    isAdmin: false,
    timeZone: 'Indian/Maldives',
  },
  {
    email: 'ncp@ncb.mv.demo',
    displayName: 'Ibrahim Shafeeu',
    agencyKey: 'MV-NCB',
    locale: 'en',
    isAdmin: false,
    timeZone: 'Indian/Maldives',
  },
  // Malaysia
  {
    email: 'ncp@customs.my.demo',
    displayName: 'Nurul Aina binti Hassan',
    agencyKey: 'MY-CUSTOMS',
    locale: 'en',
    isAdmin: false,
    timeZone: 'Asia/Kuala_Lumpur',
  },
  {
    email: 'officer@customs.my.demo',
    displayName: 'Tan Wei Ling',
    agencyKey: 'MY-CUSTOMS',
    locale: 'en',
    isAdmin: false,
    timeZone: 'Asia/Kuala_Lumpur',
  },
  {
    email: 'ncp@ncb.my.demo',
    displayName: 'Mohd Faizal bin Abdul Rahman',
    agencyKey: 'MY-NCB',
    locale: 'en',
    isAdmin: false,
    timeZone: 'Asia/Kuala_Lumpur',
  },
  // Philippines
  {
    email: 'ncp@customs.ph.demo',
    displayName: 'Maria Angelica Dela Paz',
    agencyKey: 'PH-CUSTOMS',
    locale: 'en',
    isAdmin: false,
    timeZone: 'Asia/Manila',
  },
  { email: 'ncp@ncb.ph.demo', displayName: 'Ramon Villareal', agencyKey: 'PH-NCB', locale: 'en', isAdmin: false, timeZone: 'Asia/Manila' },
  // Pakistan
  {
    email: 'ncp@customs.pk.demo',
    displayName: 'Sana Iqbal Qureshi',
    agencyKey: 'PK-CUSTOMS',
    locale: 'en',
    isAdmin: false,
    timeZone: 'Asia/Karachi',
  },
  {
    email: 'ncp@ncb.pk.demo',
    displayName: 'Usman Tariq Malik',
    agencyKey: 'PK-NCB',
    locale: 'en',
    isAdmin: false,
    timeZone: 'Asia/Karachi',
  },
  // Thailand
  {
    email: 'ncp@customs.th.demo',
    displayName: 'Siriporn Chaiyawat',
    agencyKey: 'TH-CUSTOMS',
    locale: 'en',
    isAdmin: false,
    timeZone: 'Asia/Bangkok',
  },
  {
    email: 'officer@customs.th.demo',
    displayName: 'Kanokwan Thongsuk',
    agencyKey: 'TH-CUSTOMS',
    locale: 'en',
    isAdmin: false,
    timeZone: 'Asia/Bangkok',
  },
  {
    email: 'ncp@ncb.th.demo',
    displayName: 'Nattapong Srisawat',
    agencyKey: 'TH-NCB',
    locale: 'en',
    isAdmin: false,
    timeZone: 'Asia/Bangkok',
  },
  // Viet Nam
  {
    email: 'ncp@customs.vn.demo',
    displayName: 'Nguyễn Thị Thu Hà',
    agencyKey: 'VN-CUSTOMS',
    locale: 'en',
    isAdmin: false,
    timeZone: 'Asia/Ho_Chi_Minh',
  },
  {
    email: 'ncp@ncb.vn.demo',
    displayName: 'Trần Minh Đức',
    agencyKey: 'VN-NCB',
    locale: 'en',
    isAdmin: false,
    timeZone: 'Asia/Ho_Chi_Minh',
  },
];
