// 常见问题与快捷回复 (agents and admins): the FAQ drivers are offered as they type a question, and the
// canned replies of the agents' desk; add, change and delete each, with a search over the FAQ.
import { useEffect, useState } from 'react'
import { Input, Text, Textarea, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import StaffHome from '@/components/StaffHome'
import Dialog from '@/components/Dialog'
import ErrorText from '@/components/ErrorText'
import Field from '@/components/Field'
import { errorMessage } from '@/api/http'
import {
  CATEGORIES,
  CATEGORY_LABELS,
  cannedReplies,
  createCannedReply,
  createFaqEntry,
  deleteCannedReply,
  deleteFaqEntry,
  listFaqEntries,
  updateCannedReply,
  updateFaqEntry,
  type CannedReply,
  type Category,
  type FaqEntry,
} from '@/api/consultations'
import { useSubmit } from '@/hooks/useSubmit'
import './index.css'

type Tab = 'faq' | 'canned'

export default function FaqKeepingPage() {
  const [tab, setTab] = useState<Tab>('faq')
  return (
    <StaffHome role={['agent', 'admin']} title="常见问题与快捷回复">
      <View className="faq-tabs">
        <Text id="tab-faq" className={tab === 'faq' ? 'faq-tab faq-tab-on' : 'faq-tab'} onClick={() => setTab('faq')}>
          常见问题
        </Text>
        <Text id="tab-canned" className={tab === 'canned' ? 'faq-tab faq-tab-on' : 'faq-tab'} onClick={() => setTab('canned')}>
          快捷回复
        </Text>
      </View>
      {tab === 'faq' ? <FaqKeeping /> : <CannedKeeping />}
    </StaffHome>
  )
}

function CategoryChips({ value, onChange, general }: { value: Category | null; onChange: (c: Category | null) => void; general?: boolean }) {
  return (
    <View className="faq-chips">
      {general && (
        <Text id="chip-general" className={value === null ? 'faq-chip faq-chip-on' : 'faq-chip'} onClick={() => onChange(null)}>
          通用
        </Text>
      )}
      {CATEGORIES.map((c) => (
        <Text key={c} id={`chip-${c}`} className={value === c ? 'faq-chip faq-chip-on' : 'faq-chip'} onClick={() => onChange(c)}>
          {CATEGORY_LABELS[c]}
        </Text>
      ))}
    </View>
  )
}

type FaqForm = { id?: number; category: Category; question: string; answer: string; keywords: string }
const EMPTY_FAQ: FaqForm = { category: 'licence', question: '', answer: '', keywords: '' }

function FaqKeeping() {
  const [items, setItems] = useState<FaqEntry[] | null>(null)
  const [search, setSearch] = useState('')
  const [error, setError] = useState('')
  const [editing, setEditing] = useState<FaqForm | null>(null)
  const [removing, setRemoving] = useState<FaqEntry | null>(null)

  const load = async (q = search) => {
    setError('')
    try {
      setItems((await listFaqEntries(q.trim() || undefined)).items)
    } catch (err) {
      setError(errorMessage(err))
    }
  }
  // Loaded when the tab is opened (each tab mounts its list afresh).
  useEffect(() => {
    void load()
  }, [])

  const save = useSubmit(async (f: FaqForm) => {
    const body = { category: f.category, question: f.question.trim(), answer: f.answer.trim(), keywords: f.keywords.trim() }
    if (f.id) await updateFaqEntry(f.id, body)
    else await createFaqEntry(body)
    setEditing(null)
    await load()
  })
  const remove = useSubmit(async (id: number) => {
    await deleteFaqEntry(id)
    setRemoving(null)
    await load()
  })

  const onSave = () => {
    if (!editing) return
    if (editing.question.trim().length < 2) return save.setError('问题至少写两个字')
    if (editing.answer.trim().length < 2) return save.setError('答案至少写两个字')
    void save.run(editing)
  }

  return (
    <View>
      <View className="jg-card">
        <Text className="jg-hint">驾驶人在“在线咨询”里输入问题时，系统按关键词和问题文字匹配，先给出这里的答案。关键词用逗号分隔，如：换证,到期,驾驶证。</Text>
        <View className="faq-search">
          <Input id="faq-search" className="jg-input faq-search-input" placeholder="搜索问题、答案或关键词" value={search} onInput={(e) => setSearch(e.detail.value)} onConfirm={() => void load()} />
          <Button id="faq-search-go" size="small" onClick={() => void load()}>
            搜索
          </Button>
          <Button id="faq-new" size="small" type="primary" onClick={() => { save.setError(''); setEditing({ ...EMPTY_FAQ }) }}>
            新增常见问题
          </Button>
        </View>
      </View>
      <ErrorText id="faq-error" message={error || remove.error} />
      {items === null && !error && <Text className="jg-hint">正在加载…</Text>}
      {items?.length === 0 && <Text className="jg-hint">{search.trim() ? '没有匹配的常见问题。' : '还没有常见问题。新增后，驾驶人咨询时即可看到。'}</Text>}
      {items?.map((f) => (
        <View key={f.id} id={`faq-${f.id}`} className="jg-card">
          <Text className="faq-category">{CATEGORY_LABELS[f.category]}</Text>
          <Text className="jg-subtitle">{f.question}</Text>
          <Text className="faq-answer">{f.answer}</Text>
          <Text className="jg-hint">关键词：{f.keywords || '（无，仅按问题文字匹配）'}</Text>
          <View className="faq-actions">
            <Button id={`faq-edit-${f.id}`} size="small" onClick={() => { save.setError(''); setEditing({ id: f.id, category: f.category, question: f.question, answer: f.answer, keywords: f.keywords }) }}>
              修改
            </Button>
            <Button id={`faq-delete-${f.id}`} size="small" type="danger" fill="outline" onClick={() => setRemoving(f)}>
              删除
            </Button>
          </View>
        </View>
      ))}
      {editing && (
        <Dialog
          id="faq-dialog"
          title={editing.id ? '修改常见问题' : '新增常见问题'}
          actions={
            <>
              <Button id="faq-dialog-close" size="large" disabled={save.busy} onClick={() => setEditing(null)}>
                取消
              </Button>
              <Button id="faq-dialog-save" type="primary" size="large" loading={save.busy} disabled={save.busy} onClick={onSave}>
                保存
              </Button>
            </>
          }
        >
          <CategoryChips value={editing.category} onChange={(c) => c && setEditing({ ...editing, category: c })} />
          <Field label="问题">
            <Input id="faq-question" className="jg-input" maxlength={255} value={editing.question} onInput={(e) => setEditing({ ...editing, question: e.detail.value })} />
          </Field>
          <Field label="答案">
            <Textarea id="faq-answer" className="faq-textarea" maxlength={5000} value={editing.answer} onInput={(e) => setEditing({ ...editing, answer: e.detail.value })} />
          </Field>
          <Field label="关键词（逗号分隔）">
            <Input id="faq-keywords" className="jg-input" maxlength={255} value={editing.keywords} onInput={(e) => setEditing({ ...editing, keywords: e.detail.value })} />
          </Field>
          <ErrorText id="faq-dialog-error" message={save.error} />
        </Dialog>
      )}
      {removing && (
        <Dialog
          id="faq-delete-dialog"
          title="删除这条常见问题？"
          actions={
            <>
              <Button id="faq-delete-close" size="large" disabled={remove.busy} onClick={() => setRemoving(null)}>
                取消
              </Button>
              <Button id="faq-delete-confirm" type="danger" size="large" loading={remove.busy} disabled={remove.busy} onClick={() => void remove.run(removing.id)}>
                确认删除
              </Button>
            </>
          }
        >
          <Text className="jg-hint">“{removing.question}”删除后，驾驶人咨询时不再看到这条答案。</Text>
        </Dialog>
      )}
    </View>
  )
}

type CannedForm = { id?: number; category: Category | null; title: string; content: string }

function CannedKeeping() {
  const [items, setItems] = useState<CannedReply[] | null>(null)
  const [error, setError] = useState('')
  const [editing, setEditing] = useState<CannedForm | null>(null)
  const [removing, setRemoving] = useState<CannedReply | null>(null)

  const load = async () => {
    setError('')
    try {
      setItems((await cannedReplies()).items)
    } catch (err) {
      setError(errorMessage(err))
    }
  }
  // Loaded when the tab is opened (each tab mounts its list afresh).
  useEffect(() => {
    void load()
  }, [])

  const save = useSubmit(async (f: CannedForm) => {
    const body = { category: f.category, title: f.title.trim(), content: f.content.trim() }
    if (f.id) await updateCannedReply(f.id, body)
    else await createCannedReply(body)
    setEditing(null)
    await load()
  })
  const remove = useSubmit(async (id: number) => {
    await deleteCannedReply(id)
    setRemoving(null)
    await load()
  })
  const onSave = () => {
    if (!editing) return
    if (!editing.title.trim()) return save.setError('请填写标题')
    if (!editing.content.trim()) return save.setError('请填写回复内容')
    void save.run(editing)
  }

  return (
    <View>
      <View className="jg-card">
        <Text className="jg-hint">客服回复咨询时，可一键插入这里的回复。“通用”的回复在每个类别都显示。</Text>
        <Button id="canned-new" className="jg-button" size="small" type="primary" onClick={() => { save.setError(''); setEditing({ category: null, title: '', content: '' }) }}>
          新增快捷回复
        </Button>
      </View>
      <ErrorText id="canned-error" message={error || remove.error} />
      {items === null && !error && <Text className="jg-hint">正在加载…</Text>}
      {items?.length === 0 && <Text className="jg-hint">还没有快捷回复。</Text>}
      {items?.map((c) => (
        <View key={c.id} id={`canned-${c.id}`} className="jg-card">
          <Text className="faq-category">{c.category ? CATEGORY_LABELS[c.category] : '通用'}</Text>
          <Text className="jg-subtitle">{c.title}</Text>
          <Text className="faq-answer">{c.content}</Text>
          <View className="faq-actions">
            <Button id={`canned-edit-${c.id}`} size="small" onClick={() => { save.setError(''); setEditing({ id: c.id, category: c.category, title: c.title, content: c.content }) }}>
              修改
            </Button>
            <Button id={`canned-delete-${c.id}`} size="small" type="danger" fill="outline" onClick={() => setRemoving(c)}>
              删除
            </Button>
          </View>
        </View>
      ))}
      {editing && (
        <Dialog
          id="canned-dialog"
          title={editing.id ? '修改快捷回复' : '新增快捷回复'}
          actions={
            <>
              <Button id="canned-dialog-close" size="large" disabled={save.busy} onClick={() => setEditing(null)}>
                取消
              </Button>
              <Button id="canned-dialog-save" type="primary" size="large" loading={save.busy} disabled={save.busy} onClick={onSave}>
                保存
              </Button>
            </>
          }
        >
          <CategoryChips value={editing.category} onChange={(c) => setEditing({ ...editing, category: c })} general />
          <Field label="标题">
            <Input id="canned-title" className="jg-input" maxlength={64} value={editing.title} onInput={(e) => setEditing({ ...editing, title: e.detail.value })} />
          </Field>
          <Field label="回复内容">
            <Textarea id="canned-content" className="faq-textarea" maxlength={2000} value={editing.content} onInput={(e) => setEditing({ ...editing, content: e.detail.value })} />
          </Field>
          <ErrorText id="canned-dialog-error" message={save.error} />
        </Dialog>
      )}
      {removing && (
        <Dialog
          id="canned-delete-dialog"
          title="删除这条快捷回复？"
          actions={
            <>
              <Button id="canned-delete-close" size="large" disabled={remove.busy} onClick={() => setRemoving(null)}>
                取消
              </Button>
              <Button id="canned-delete-confirm" type="danger" size="large" loading={remove.busy} disabled={remove.busy} onClick={() => void remove.run(removing.id)}>
                确认删除
              </Button>
            </>
          }
        >
          <Text className="jg-hint">“{removing.title}”删除后，客服不能再一键插入它。</Text>
        </Dialog>
      )}
    </View>
  )
}
