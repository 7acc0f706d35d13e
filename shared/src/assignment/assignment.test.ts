import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Party, PartyKind, ResolvedAssignment, resolveAssignment } from './assignment';

/** One named body, with its spelled-out name when the print abbreviates it. */
function agency(name: string, canonicalName: string | null = null): Party {
  return { name, kind: PartyKind.AGENCY, canonicalName };
}

/** A class of bodies, with its spelled-out name when the print abbreviates it. */
function group(name: string, canonicalName: string | null = null): Party {
  return { name, kind: PartyKind.GROUP, canonicalName };
}

// Lead (chủ trì) and cooperating (phối hợp) phrases printed in the seeds (/work/shared/seeds/*.txt), each with
// the parties it names in printed order. Table cells wrapped across lines are joined with one space, otherwise
// the text is as printed. The column phrases also appear as "lead"/"cooperating" in data/seeds/plans/*.json.
const SEED_PHRASES: ReadonlyArray<readonly [string, Party[]]> = [
  // 000 Lào Cai (Kế hoạch of the Ban Chỉ đạo), appendix columns "CƠ QUAN CHỦ TRÌ" / "CƠ QUAN PHỐI HỢP".
  [
    'Cơ quan Thường trực Ban Chỉ đạo (Văn phòng Tỉnh ủy)',
    [agency('Cơ quan Thường trực Ban Chỉ đạo (Văn phòng Tỉnh ủy)')],
  ],
  ['Các ban Đảng, sở, ngành liên quan', [group('Các ban Đảng, sở, ngành liên quan')]],
  ['Đảng ủy các xã, phường', [group('Đảng ủy các xã, phường')]],
  ['Sở Khoa học và Công nghệ', [agency('Sở Khoa học và Công nghệ')]],
  [
    'MTTQ và các tổ chức chính trị - xã hội, các địa phương',
    [agency('MTTQ', 'Mặt trận Tổ quốc'), group('các tổ chức chính trị - xã hội'), group('các địa phương')],
  ],
  [
    'Đảng ủy UBND tỉnh chỉ đạo UBND tỉnh',
    [
      agency('Đảng ủy UBND tỉnh', 'Đảng ủy Ủy ban nhân dân tỉnh'),
      agency('UBND tỉnh', 'Ủy ban nhân dân tỉnh'),
    ],
  ],
  [
    'Sở Khoa học và Công nghệ, Sở Tài chính, Sở Tư pháp',
    [agency('Sở Khoa học và Công nghệ'), agency('Sở Tài chính'), agency('Sở Tư pháp')],
  ],
  ['Sở Nội vụ', [agency('Sở Nội vụ')]],
  [
    'Ban Tổ chức Tỉnh ủy, Sở Khoa học và Công nghệ, Công an tỉnh',
    [agency('Ban Tổ chức Tỉnh ủy'), agency('Sở Khoa học và Công nghệ'), agency('Công an tỉnh')],
  ],
  ['Sở Nội vụ, Sở Khoa học và Công nghệ', [agency('Sở Nội vụ'), agency('Sở Khoa học và Công nghệ')]],
  [
    'Sở Tài chính, Sở Khoa học và Công nghệ, các sở, ngành, địa phương liên quan',
    [
      agency('Sở Tài chính'),
      agency('Sở Khoa học và Công nghệ'),
      group('các sở, ngành, địa phương liên quan'),
    ],
  ],
  [
    'Đảng ủy UBND tỉnh chỉ đạo Sở Khoa học và Công nghệ',
    [agency('Đảng ủy UBND tỉnh', 'Đảng ủy Ủy ban nhân dân tỉnh'), agency('Sở Khoa học và Công nghệ')],
  ],
  ['Các doanh nghiệp viễn thông', [group('Các doanh nghiệp viễn thông')]],
  ['Ban Tuyên giáo và Dân vận Tỉnh ủy', [agency('Ban Tuyên giáo và Dân vận Tỉnh ủy')]],
  [
    'MTTQ, các tổ chức chính trị - xã hội, Sở Khoa học và Công nghệ',
    [
      agency('MTTQ', 'Mặt trận Tổ quốc'),
      group('các tổ chức chính trị - xã hội'),
      agency('Sở Khoa học và Công nghệ'),
    ],
  ],
  [
    'Đảng ủy UBND tỉnh chỉ đạo các sở, ngành, địa phương',
    [agency('Đảng ủy UBND tỉnh', 'Đảng ủy Ủy ban nhân dân tỉnh'), group('các sở, ngành, địa phương')],
  ],
  ['Văn phòng Tỉnh ủy', [agency('Văn phòng Tỉnh ủy')]],
  ['Đảng ủy UBND tỉnh', [agency('Đảng ủy UBND tỉnh', 'Đảng ủy Ủy ban nhân dân tỉnh')]],
  [
    'Đảng ủy UBND tỉnh chỉ đạo UBND tỉnh, các sở, ngành, địa phương',
    [
      agency('Đảng ủy UBND tỉnh', 'Đảng ủy Ủy ban nhân dân tỉnh'),
      agency('UBND tỉnh', 'Ủy ban nhân dân tỉnh'),
      group('các sở, ngành, địa phương'),
    ],
  ],
  ['Công an tỉnh', [agency('Công an tỉnh')]],
  [
    'Đảng ủy UBND tỉnh chỉ đạo Sở Y tế',
    [agency('Đảng ủy UBND tỉnh', 'Đảng ủy Ủy ban nhân dân tỉnh'), agency('Sở Y tế')],
  ],
  [
    'Đảng ủy UBND tỉnh chỉ đạo Sở Giáo dục và Đào tạo',
    [agency('Đảng ủy UBND tỉnh', 'Đảng ủy Ủy ban nhân dân tỉnh'), agency('Sở Giáo dục và Đào tạo')],
  ],
  [
    'Đảng ủy UBND tỉnh chỉ đạo Sở Nông nghiệp và Môi trường',
    [agency('Đảng ủy UBND tỉnh', 'Đảng ủy Ủy ban nhân dân tỉnh'), agency('Sở Nông nghiệp và Môi trường')],
  ],
  ['Ban quản lý khu kinh tế tỉnh', [agency('Ban quản lý khu kinh tế tỉnh')]],
  [
    'Đảng ủy UBND tỉnh, các cơ quan được giao chủ trì',
    [agency('Đảng ủy UBND tỉnh', 'Đảng ủy Ủy ban nhân dân tỉnh'), group('các cơ quan được giao chủ trì')],
  ],
  ['Các cơ quan, đơn vị, địa phương', [group('Các cơ quan, đơn vị, địa phương')]],
  ['Ủy ban Kiểm tra Tỉnh ủy', [agency('Ủy ban Kiểm tra Tỉnh ủy')]],
  // 000 Lào Cai, "Trách nhiệm:" lines of section III and the "Giao ... chủ trì, phối hợp với ..." sentences.
  [
    'Tổ trưởng Tổ Giúp việc, Tổ trưởng Tổ công tác liên ngành.',
    [agency('Tổ trưởng Tổ Giúp việc'), agency('Tổ trưởng Tổ công tác liên ngành')],
  ],
  [
    'Ban Tổ chức Tỉnh ủy, Sở Nội vụ chủ trì tham mưu cơ chế đánh giá; người đứng đầu các cấp ủy, cơ quan, đơn vị chịu trách nhiệm thực hiện.',
    [agency('Ban Tổ chức Tỉnh ủy'), agency('Sở Nội vụ'), group('người đứng đầu các cấp ủy, cơ quan, đơn vị')],
  ],
  [
    'Văn phòng Tỉnh ủy (Cơ quan Thường trực) chủ trì đôn đốc; Thủ trưởng các cơ quan, đơn vị, địa phương chịu trách nhiệm về nội dung và thời hạn báo cáo.',
    [agency('Văn phòng Tỉnh ủy (Cơ quan Thường trực)'), group('Thủ trưởng các cơ quan, đơn vị, địa phương')],
  ],
  [
    'Đảng ủy UBND tỉnh chỉ đạo; Sở Tài chính, Sở Khoa học và Công nghệ chủ trì tham mưu.',
    [
      agency('Đảng ủy UBND tỉnh', 'Đảng ủy Ủy ban nhân dân tỉnh'),
      agency('Sở Tài chính'),
      agency('Sở Khoa học và Công nghệ'),
    ],
  ],
  [
    'Đảng ủy UBND tỉnh chỉ đạo; Sở Tài chính chịu trách nhiệm tham mưu cân đối, bố trí vốn.',
    [agency('Đảng ủy UBND tỉnh', 'Đảng ủy Ủy ban nhân dân tỉnh'), agency('Sở Tài chính')],
  ],
  [
    'Đảng ủy UBND tỉnh chỉ đạo; Sở Khoa học và Công nghệ chủ trì, Sở Tài chính phối hợp tham mưu.',
    [
      agency('Đảng ủy UBND tỉnh', 'Đảng ủy Ủy ban nhân dân tỉnh'),
      agency('Sở Khoa học và Công nghệ'),
      agency('Sở Tài chính'),
    ],
  ],
  [
    'Đảng ủy UBND tỉnh chỉ đạo; Sở Khoa học và Công nghệ chủ trì; các doanh nghiệp viễn thông phối hợp thực hiện.',
    [
      agency('Đảng ủy UBND tỉnh', 'Đảng ủy Ủy ban nhân dân tỉnh'),
      agency('Sở Khoa học và Công nghệ'),
      group('các doanh nghiệp viễn thông'),
    ],
  ],
  [
    'Văn phòng Tỉnh ủy chủ trì dự án (1); Đảng ủy UBND tỉnh chủ trì dự án (2).',
    [agency('Văn phòng Tỉnh ủy'), agency('Đảng ủy UBND tỉnh', 'Đảng ủy Ủy ban nhân dân tỉnh')],
  ],
  [
    'Sở Nội vụ chủ trì, phối hợp với Ban Tổ chức Tỉnh ủy, Sở Khoa học và Công nghệ, Công an tỉnh.',
    [
      agency('Sở Nội vụ'),
      agency('Ban Tổ chức Tỉnh ủy'),
      agency('Sở Khoa học và Công nghệ'),
      agency('Công an tỉnh'),
    ],
  ],
  [
    'Ban Tuyên giáo và Dân vận Tỉnh ủy chủ trì, Sở Khoa học và Công nghệ, Mặt trận Tổ quốc và các đoàn thể tỉnh phối hợp.',
    [
      agency('Ban Tuyên giáo và Dân vận Tỉnh ủy'),
      agency('Sở Khoa học và Công nghệ'),
      agency('Mặt trận Tổ quốc'),
      group('các đoàn thể tỉnh'),
    ],
  ],
  ['Sở Khoa học và Công nghệ chủ trì.', [agency('Sở Khoa học và Công nghệ')]],
  ['Trách nhiệm: Sở Khoa học và Công nghệ chủ trì.', [agency('Sở Khoa học và Công nghệ')]],
  [
    'Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính tổ chức “Diễn đàn Hợp tác Công - Tư trong Chuyển đổi số và Đổi mới sáng tạo” trong Quý IV/2025.',
    [agency('Sở Khoa học và Công nghệ'), agency('Sở Tài chính')],
  ],
  [
    'Giao Ban Tuyên giáo và Dân vận Tỉnh ủy chủ trì, phối hợp với Sở Khoa học và Công nghệ, MTTQ và các đoàn thể xây dựng bộ tài liệu hướng dẫn song ngữ cho các dân tộc thiểu số',
    [
      agency('Ban Tuyên giáo và Dân vận Tỉnh ủy'),
      agency('Sở Khoa học và Công nghệ'),
      agency('MTTQ', 'Mặt trận Tổ quốc'),
      group('các đoàn thể'),
    ],
  ],
  [
    'Giao Đảng ủy UBND tỉnh chỉ đạo Sở Tài chính, Sở Khoa học và Công nghệ và các cơ quan liên quan thành lập ngay Tổ công tác liên ngành',
    [
      agency('Đảng ủy UBND tỉnh', 'Đảng ủy Ủy ban nhân dân tỉnh'),
      agency('Sở Tài chính'),
      agency('Sở Khoa học và Công nghệ'),
      group('các cơ quan liên quan'),
    ],
  ],
  // 001 Lai Châu, "+ Đơn vị chủ trì:" / "+ Đơn vị phối hợp:" lines and the headings of section III.
  [
    'Đảng ủy UBND tỉnh lãnh đạo UBND tỉnh chỉ đạo thực hiện',
    [
      agency('Đảng ủy UBND tỉnh', 'Đảng ủy Ủy ban nhân dân tỉnh'),
      agency('UBND tỉnh', 'Ủy ban nhân dân tỉnh'),
    ],
  ],
  [
    '+ Đơn vị chủ trì: Đảng ủy UBND tỉnh lãnh đạo UBND tỉnh chỉ đạo thực hiện.',
    [
      agency('Đảng ủy UBND tỉnh', 'Đảng ủy Ủy ban nhân dân tỉnh'),
      agency('UBND tỉnh', 'Ủy ban nhân dân tỉnh'),
    ],
  ],
  [
    'Các ban đảng tỉnh, các đảng bộ trực thuộc; Đảng ủy UBND tỉnh lãnh đạo UBND tỉnh chỉ đạo các sở, ban ngành triển khai; Đảng ủy Ủy ban MTTQ Việt Nam tỉnh lãnh đạo các đoàn thể tỉnh triển khai',
    [
      group('Các ban đảng tỉnh'),
      group('các đảng bộ trực thuộc'),
      agency('Đảng ủy UBND tỉnh', 'Đảng ủy Ủy ban nhân dân tỉnh'),
      agency('UBND tỉnh', 'Ủy ban nhân dân tỉnh'),
      group('các sở, ban ngành'),
      agency('Đảng ủy Ủy ban MTTQ Việt Nam tỉnh', 'Đảng ủy Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh'),
      group('các đoàn thể tỉnh'),
    ],
  ],
  [
    'Các ban đảng tỉnh, các đảng bộ trực thuộc lãnh đạo thực hiện',
    [group('Các ban đảng tỉnh'), group('các đảng bộ trực thuộc')],
  ],
  [
    'Ban Chỉ đạo tỉnh về thực hiện Nghị quyết số 57-NQ/TW',
    [agency('Ban Chỉ đạo tỉnh về thực hiện Nghị quyết số 57-NQ/TW')],
  ],
  ['Các ban đảng tỉnh, Văn phòng Tỉnh ủy', [group('Các ban đảng tỉnh'), agency('Văn phòng Tỉnh ủy')]],
  [
    'Đảng ủy UBND tỉnh lãnh đạo UBND tỉnh',
    [
      agency('Đảng ủy UBND tỉnh', 'Đảng ủy Ủy ban nhân dân tỉnh'),
      agency('UBND tỉnh', 'Ủy ban nhân dân tỉnh'),
    ],
  ],
  ['Các đảng ủy trực thuộc Tỉnh ủy', [group('Các đảng ủy trực thuộc Tỉnh ủy')]],
  ['Ban Chỉ đạo tỉnh', [agency('Ban Chỉ đạo tỉnh')]],
  ['Ban Chỉ đạo', [agency('Ban Chỉ đạo')]],
  // 002 Thái Nguyên (Kế hoạch 02-KH/BCĐ), appendix columns "Cơ quan chủ trì" / "Cơ quan phối hợp".
  [
    'Các cơ quan, đơn vị, các sở, ban, ngành, địa phương, các tổ chức đoàn thể tỉnh; Mặt trận Tổ quốc Việt Nam tỉnh',
    [
      group('Các cơ quan, đơn vị'),
      group('các sở, ban, ngành, địa phương'),
      group('các tổ chức đoàn thể tỉnh'),
      agency('Mặt trận Tổ quốc Việt Nam tỉnh'),
    ],
  ],
  [
    'Sở Khoa học và Công nghệ, Văn Phòng Tỉnh ủy, Các địa phương',
    [agency('Sở Khoa học và Công nghệ'), agency('Văn Phòng Tỉnh ủy'), group('Các địa phương')],
  ],
  [
    'Các sở, ban, ngành, UBND xã phường chủ động thực hiện theo chức năng nhiệm và các nội dung được phân công',
    [group('Các sở, ban, ngành'), group('UBND xã phường', 'Ủy ban nhân dân xã phường')],
  ],
  [
    'Các sở, ban, ngành, UBND xã phường',
    [group('Các sở, ban, ngành'), group('UBND xã phường', 'Ủy ban nhân dân xã phường')],
  ],
  [
    'Văn phòng UBND tỉnh, Sở Khoa học và Công nghệ',
    [agency('Văn phòng UBND tỉnh', 'Văn phòng Ủy ban nhân dân tỉnh'), agency('Sở Khoa học và Công nghệ')],
  ],
  ['Cơ quan tham mưu, giúp việc cho Tỉnh ủy', [group('Cơ quan tham mưu, giúp việc cho Tỉnh ủy')]],
  [
    'Văn phòng UBND tỉnh, UBND xã phường',
    [
      agency('Văn phòng UBND tỉnh', 'Văn phòng Ủy ban nhân dân tỉnh'),
      group('UBND xã phường', 'Ủy ban nhân dân xã phường'),
    ],
  ],
  ['Sở Khoa học và Công nghệ, Sở Tài chính', [agency('Sở Khoa học và Công nghệ'), agency('Sở Tài chính')]],
  [
    'Sở Khoa học và Công nghệ, Sở Tài chính, Công an tỉnh, Sở Nội vụ',
    [agency('Sở Khoa học và Công nghệ'), agency('Sở Tài chính'), agency('Công an tỉnh'), agency('Sở Nội vụ')],
  ],
  [
    'Các sở, ban, ngành tỉnh, UBND cấp xã',
    [group('Các sở, ban, ngành tỉnh'), group('UBND cấp xã', 'Ủy ban nhân dân cấp xã')],
  ],
  [
    'UBND các xã, phường, đặc khu',
    [group('UBND các xã, phường, đặc khu', 'Ủy ban nhân dân các xã, phường, đặc khu')],
  ],
  // 003 Thái Nguyên (Kế hoạch 44/KH-UBND), appendix columns "Cơ quan chủ trì /tham mưu" / "Cơ quan phối hợp".
  ['Sở KH&CN', [agency('Sở KH&CN', 'Sở Khoa học và Công nghệ')]],
  [
    'Các sở, ban, ngành; UBND cấp xã',
    [group('Các sở, ban, ngành'), group('UBND cấp xã', 'Ủy ban nhân dân cấp xã')],
  ],
  ['Sở Tư pháp', [agency('Sở Tư pháp')]],
  [
    'Các sở, ban, ngành; Chủ tịch UBND cấp xã',
    [group('Các sở, ban, ngành'), group('Chủ tịch UBND cấp xã', 'Chủ tịch Ủy ban nhân dân cấp xã')],
  ],
  ['Sở Nội vụ; Sở KH&CN', [agency('Sở Nội vụ'), agency('Sở KH&CN', 'Sở Khoa học và Công nghệ')]],
  ['Sở Tài chính', [agency('Sở Tài chính')]],
  ['Văn phòng Tỉnh uỷ', [agency('Văn phòng Tỉnh uỷ')]],
  [
    'Các sở, ban, ngành; UBND cấp xã và các đơn vị liên quan',
    [
      group('Các sở, ban, ngành'),
      group('UBND cấp xã', 'Ủy ban nhân dân cấp xã'),
      group('các đơn vị liên quan'),
    ],
  ],
  [
    'Các Sở, ban, ngành; Chủ tịch UBND cấp xã',
    [group('Các Sở, ban, ngành'), group('Chủ tịch UBND cấp xã', 'Chủ tịch Ủy ban nhân dân cấp xã')],
  ],
  ['Sở Tài chính; Thống kê tỉnh', [agency('Sở Tài chính'), agency('Thống kê tỉnh')]],
  [
    'Đại học Thái Nguyên và các đơn vị, doanh nghiệp liên quan',
    [agency('Đại học Thái Nguyên'), group('các đơn vị, doanh nghiệp liên quan')],
  ],
  ['UBND cấp xã', [group('UBND cấp xã', 'Ủy ban nhân dân cấp xã')]],
  [
    'Sở KH&CN, các doanh nghiệp viễn thông',
    [agency('Sở KH&CN', 'Sở Khoa học và Công nghệ'), group('các doanh nghiệp viễn thông')],
  ],
  [
    'Sở KH&CN, Trung tâm Phục vụ HCC tỉnh',
    [
      agency('Sở KH&CN', 'Sở Khoa học và Công nghệ'),
      agency('Trung tâm Phục vụ HCC tỉnh', 'Trung tâm Phục vụ hành chính công tỉnh'),
    ],
  ],
  [
    'Sở KH&CN, các đơn vị liên quan',
    [agency('Sở KH&CN', 'Sở Khoa học và Công nghệ'), group('các đơn vị liên quan')],
  ],
  [
    'Sở KH&CN, Trung tâm PVHCC tỉnh',
    [
      agency('Sở KH&CN', 'Sở Khoa học và Công nghệ'),
      agency('Trung tâm PVHCC tỉnh', 'Trung tâm Phục vụ hành chính công tỉnh'),
    ],
  ],
  ['Công an tỉnh; Sở KH&CN', [agency('Công an tỉnh'), agency('Sở KH&CN', 'Sở Khoa học và Công nghệ')]],
  [
    'Sở KH&CN, Công an tỉnh, Sở Tài chính',
    [agency('Sở KH&CN', 'Sở Khoa học và Công nghệ'), agency('Công an tỉnh'), agency('Sở Tài chính')],
  ],
  ['Sở Tài chính; các đơn vị liên quan', [agency('Sở Tài chính'), group('các đơn vị liên quan')]],
  ['Các cơ quan đảng tỉnh', [group('Các cơ quan đảng tỉnh')]],
  [
    'Các Sở, ban, ngành; UBND cấp xã;',
    [group('Các Sở, ban, ngành'), group('UBND cấp xã', 'Ủy ban nhân dân cấp xã')],
  ],
  [
    'Văn phòng UBND tỉnh, Công an tỉnh, Sở KH&CN',
    [
      agency('Văn phòng UBND tỉnh', 'Văn phòng Ủy ban nhân dân tỉnh'),
      agency('Công an tỉnh'),
      agency('Sở KH&CN', 'Sở Khoa học và Công nghệ'),
    ],
  ],
  [
    'Sở KH&CN, Trung tâm PV HCC tỉnh',
    [
      agency('Sở KH&CN', 'Sở Khoa học và Công nghệ'),
      agency('Trung tâm PV HCC tỉnh', 'Trung tâm Phục vụ hành chính công tỉnh'),
    ],
  ],
  ['Các sở, ban, ngành', [group('Các sở, ban, ngành')]],
  [
    'Sở KH&CN; Sở Nội vụ; Công an tỉnh; UBND cấp xã',
    [
      agency('Sở KH&CN', 'Sở Khoa học và Công nghệ'),
      agency('Sở Nội vụ'),
      agency('Công an tỉnh'),
      group('UBND cấp xã', 'Ủy ban nhân dân cấp xã'),
    ],
  ],
  [
    'Văn phòng Tỉnh ủy; Sở KH&CN',
    [agency('Văn phòng Tỉnh ủy'), agency('Sở KH&CN', 'Sở Khoa học và Công nghệ')],
  ],
  [
    'Các sở, ban, ngành; UBND cấp xã; các cơ quan, đơn vị có liên quan',
    [
      group('Các sở, ban, ngành'),
      group('UBND cấp xã', 'Ủy ban nhân dân cấp xã'),
      group('các cơ quan, đơn vị có liên quan'),
    ],
  ],
  [
    'Sở KH&CN; Sở Nội vụ; các cơ quan đảng tỉnh',
    [agency('Sở KH&CN', 'Sở Khoa học và Công nghệ'), agency('Sở Nội vụ'), group('các cơ quan đảng tỉnh')],
  ],
  [
    'Sở KH&CN; Công an tỉnh; Trung tâm PVHCC tỉnh',
    [
      agency('Sở KH&CN', 'Sở Khoa học và Công nghệ'),
      agency('Công an tỉnh'),
      agency('Trung tâm PVHCC tỉnh', 'Trung tâm Phục vụ hành chính công tỉnh'),
    ],
  ],
  [
    'Sở KH&CN, Văn phòng UBND tỉnh, Công an tỉnh',
    [
      agency('Sở KH&CN', 'Sở Khoa học và Công nghệ'),
      agency('Văn phòng UBND tỉnh', 'Văn phòng Ủy ban nhân dân tỉnh'),
      agency('Công an tỉnh'),
    ],
  ],
  [
    'Sở KH&CN, Công an tỉnh, Trung tâm Phục vụ HCC tỉnh',
    [
      agency('Sở KH&CN', 'Sở Khoa học và Công nghệ'),
      agency('Công an tỉnh'),
      agency('Trung tâm Phục vụ HCC tỉnh', 'Trung tâm Phục vụ hành chính công tỉnh'),
    ],
  ],
  [
    'Công an tỉnh, Bộ CHQS tỉnh, Sở KH&CN',
    [
      agency('Công an tỉnh'),
      agency('Bộ CHQS tỉnh', 'Bộ Chỉ huy Quân sự tỉnh'),
      agency('Sở KH&CN', 'Sở Khoa học và Công nghệ'),
    ],
  ],
  [
    'Các sở, ban, ngành, UBND cấp xã; các cơ quan, đơn vị liên quan',
    [
      group('Các sở, ban, ngành'),
      group('UBND cấp xã', 'Ủy ban nhân dân cấp xã'),
      group('các cơ quan, đơn vị liên quan'),
    ],
  ],
  ['Sở Công Thương', [agency('Sở Công Thương')]],
  [
    'Sở KH&CN; cơ quan, đơn vị liên quan',
    [agency('Sở KH&CN', 'Sở Khoa học và Công nghệ'), group('cơ quan, đơn vị liên quan')],
  ],
  [
    'Ban Quản lý các KCN Thái Nguyên',
    [agency('Ban Quản lý các KCN Thái Nguyên', 'Ban Quản lý các khu công nghiệp Thái Nguyên')],
  ],
  ['Ban Tổ chức Tỉnh ủy; Sở Nội vụ', [agency('Ban Tổ chức Tỉnh ủy'), agency('Sở Nội vụ')]],
  // 003 Thái Nguyên, "X chủ trì, phối hợp với Y" clauses of the task column, and section III (Tổ chức thực hiện).
  [
    'Văn phòng Trung ương Đảng chủ trì, phối hợp với các cơ quan liên quan',
    [agency('Văn phòng Trung ương Đảng'), group('các cơ quan liên quan')],
  ],
  [
    'Chủ trì, phối hợp với Văn phòng Chính phủ, Bộ Công an',
    [agency('Văn phòng Chính phủ'), agency('Bộ Công an')],
  ],
  [
    'Theo chức năng, nhiệm vụ, chủ trì, phối hợp với Bộ Công an và các cơ quan liên quan xây dựng, ban hành các văn bản',
    [agency('Bộ Công an'), group('các cơ quan liên quan')],
  ],
  [
    'Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ theo lĩnh vực phụ trách chủ trì, phối hợp với Bộ Công an, Văn phòng Chính phủ',
    [
      group('Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ'),
      agency('Bộ Công an'),
      agency('Văn phòng Chính phủ'),
    ],
  ],
  [
    'Chỉ đạo các cơ quan, đơn vị trực thuộc triển khai thực hiện nghiêm các nhiệm vụ được giao',
    [group('các cơ quan, đơn vị trực thuộc')],
  ],
  [
    'Đề nghị các cơ quan tham mưu, giúp việc Tỉnh ủy, Văn phòng Tỉnh ủy, Đảng ủy các xã, phường căn cứ chức năng, nhiệm vụ và thẩm quyền quy định khẩn trương chỉ đạo',
    [
      group('các cơ quan tham mưu, giúp việc Tỉnh ủy'),
      agency('Văn phòng Tỉnh ủy'),
      group('Đảng ủy các xã, phường'),
    ],
  ],
  [
    'Thủ trưởng các cơ quan, đơn vị, địa phương nêu cao tinh thần trách nhiệm',
    [group('Thủ trưởng các cơ quan, đơn vị, địa phương')],
  ],
  [
    'Sở Khoa học và Công nghệ thường xuyên theo dõi, đôn đốc, hướng dẫn các cơ quan, đơn vị, địa phương trong quá trình triển khai',
    [agency('Sở Khoa học và Công nghệ')],
  ],
  ['UBND các xã, phường', [group('UBND các xã, phường', 'Ủy ban nhân dân các xã, phường')]],
  // 004 Thuận An commune, Phụ lục columns "Cơ quan chủ trì" / "Cơ quan phối hợp", and section V.
  ['các phòng, đơn vị', [group('các phòng, đơn vị')]],
  ['Các các phòng, đơn vị', [group('Các các phòng, đơn vị')]],
  ['Phòng Văn hóa – Xã hội', [agency('Phòng Văn hóa – Xã hội')]],
  ['Phòng Kinh tế', [agency('Phòng Kinh tế')]],
  ['các phòng, đơn vị liên quan', [group('các phòng, đơn vị liên quan')]],
  ['Phòng VH-XH', [agency('Phòng VH-XH', 'Phòng Văn hóa - Xã hội')]],
  ['các cơ quan, đơn vị liên quan', [group('các cơ quan, đơn vị liên quan')]],
  ['Phòng VH - XH', [agency('Phòng VH - XH', 'Phòng Văn hóa - Xã hội')]],
  [
    'Công an xã; các cơ quan, đơn vị liên quan',
    [agency('Công an xã'), group('các cơ quan, đơn vị liên quan')],
  ],
  ['TT PVHCC', [agency('TT PVHCC', 'Trung tâm Phục vụ hành chính công')]],
  [
    'Phòng VH-XH; các đơn vị liên quan',
    [agency('Phòng VH-XH', 'Phòng Văn hóa - Xã hội'), group('các đơn vị liên quan')],
  ],
  ['Công an xã', [agency('Công an xã')]],
  ['Các cơ quan, đơn vị liên quan', [group('Các cơ quan, đơn vị liên quan')]],
  [
    'Phòng Kinh tế chủ trì, phối hợp với các phòng, đơn vị liên quan đảm bảo nguồn kinh phí thực hiện hàng năm và giai đoạn theo đúng quy định.',
    [agency('Phòng Kinh tế'), group('các phòng, đơn vị liên quan')],
  ],
  [
    'Đề nghị Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội xã phát huy vai trò giám sát, phản biện xã hội',
    [agency('Ủy ban Mặt trận Tổ quốc'), group('các tổ chức chính trị - xã hội xã')],
  ],
  [
    'Các các phòng, đơn vị căn cứ chức năng, nhiệm vụ triển khai các nhiệm vụ theo kế hoạch này',
    [group('Các các phòng, đơn vị')],
  ],
];

// Not printed in the seeds: names with a comma of their own, and the example phrase of the design brief.
const OTHER_PHRASES: ReadonlyArray<readonly [string, Party[]]> = [
  ['Sở Văn hóa, Thể thao và Du lịch', [agency('Sở Văn hóa, Thể thao và Du lịch')]],
  [
    'Sở Khoa học và Công nghệ, Sở Văn hóa, Thể thao và Du lịch',
    [agency('Sở Khoa học và Công nghệ'), agency('Sở Văn hóa, Thể thao và Du lịch')],
  ],
  [
    'Các phòng, đơn vị thuộc UBND xã',
    [group('Các phòng, đơn vị thuộc UBND xã', 'Các phòng, đơn vị thuộc Ủy ban nhân dân xã')],
  ],
];

/** Every lead/cooperating phrase of the structured seed plans, when other tooling has written them. */
function planPhrases(): string[] {
  const dir = join(__dirname, '../../../data/seeds/plans');
  if (!existsSync(dir)) return [];
  const phrases = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const plan = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
      tasks?: Array<{ lead?: unknown; cooperating?: unknown }>;
    };
    for (const task of plan.tasks ?? []) {
      for (const value of [task.lead, task.cooperating]) {
        if (typeof value === 'string') phrases.add(value);
      }
    }
  }
  return [...phrases];
}

describe('resolveAssignment', () => {
  it.each(SEED_PHRASES)('resolves the seed phrase %j', (text, parties) => {
    expect(resolveAssignment(text)).toEqual<ResolvedAssignment>({ text, parties });
  });

  it.each(OTHER_PHRASES)('resolves %j', (text, parties) => {
    expect(resolveAssignment(text)).toEqual<ResolvedAssignment>({ text, parties });
  });

  it('returns null when nothing was printed', () => {
    expect(resolveAssignment(null)).toBeNull();
    expect(resolveAssignment(undefined)).toBeNull();
  });

  it.each(['', '   ', '\n\n', ';', ' , ; . ', '( )'])('returns no parties for the blank text %j', (text) => {
    expect(resolveAssignment(text)).toEqual<ResolvedAssignment>({ text, parties: [] });
  });

  it('keeps a line-wrapped name as printed and spells out its abbreviations on one line', () => {
    // 000's extracted text, appendix row 6, lead column, with the line breaks of the PDF extraction.
    const text = 'Đảng ủy UBND \n\ntỉnh chỉ đạo UBND \n\ntỉnh ';
    expect(resolveAssignment(text)).toEqual<ResolvedAssignment>({
      text,
      parties: [
        agency('Đảng ủy UBND \n\ntỉnh', 'Đảng ủy Ủy ban nhân dân tỉnh'),
        agency('UBND \n\ntỉnh', 'Ủy ban nhân dân tỉnh'),
      ],
    });
  });

  it('keeps a line-wrapped name without abbreviations as printed, with no canonical name', () => {
    // 000's extracted text, "Trách nhiệm:" line of item 2.1.
    const text =
      'Trách nhiệm: Đảng ủy UBND tỉnh chỉ đạo; Sở Tài chính, Sở Khoa học và \n\nCông nghệ chủ trì tham mưu. ';
    expect(resolveAssignment(text)?.parties).toEqual([
      agency('Đảng ủy UBND tỉnh', 'Đảng ủy Ủy ban nhân dân tỉnh'),
      agency('Sở Tài chính'),
      agency('Sở Khoa học và \n\nCông nghệ'),
    ]);
  });

  it('reads decomposed (NFD) text and still returns names that are substrings of it', () => {
    const text = 'Sở KH&CN; Văn phòng Tỉnh uỷ'.normalize('NFD');
    expect(resolveAssignment(text)?.parties).toEqual([
      agency('Sở KH&CN'.normalize('NFD'), 'Sở Khoa học và Công nghệ'),
      agency('Văn phòng Tỉnh uỷ'.normalize('NFD')),
    ]);
  });

  it('does not invent parties from the objects of working verbs', () => {
    expect(resolveAssignment('Sở Tài chính chịu trách nhiệm tham mưu cân đối, bố trí vốn')?.parties).toEqual([
      agency('Sở Tài chính'),
    ]);
  });

  it.each([
    'Sở (Văn phòng',
    ') Sở Nội vụ (',
    'Các',
    'các các các',
    'và và, và; và',
    '((Sở Tài chính))',
    'Ban Chỉ đạo tỉnh về , ; ( ) về',
    'Sở Khoa học và Công nghệ, '.repeat(500),
  ])('never throws and keeps names inside the text for the odd input %#', (text) => {
    expectNamesInside(text);
  });

  describe('over every phrase', () => {
    const phrases = [...SEED_PHRASES, ...OTHER_PHRASES].map(([text]) => text);
    const seeded = planPhrases();

    it.each(phrases)('names only substrings of %j, trimmed and without trailing punctuation', (text) => {
      expectNamesInside(text);
    });

    const run = seeded.length > 0 ? it : it.skip;
    run(
      'names at least one party, each a substring, for every lead/cooperating phrase of the seed plans',
      () => {
        for (const text of seeded) {
          // Wrapped in an object so that a failure names the phrase.
          expect({ text, named: expectNamesInside(text).length > 0 }).toEqual({ text, named: true });
        }
      },
    );
  });
});

/** Asserts the property every resolution keeps: each party name is a trimmed, non-empty piece of the text. */
function expectNamesInside(text: string): Party[] {
  const parties = resolveAssignment(text)?.parties ?? [];
  for (const { name } of parties) {
    expect(text).toContain(name);
    expect(name).toBe(name.trim());
    expect(name).not.toMatch(/[,;:.]$/u);
    expect(name).not.toBe('');
  }
  return parties;
}
